/**
 * Pure: turns a Reply into the Discord messages that carry it, every limit respected. Cards become embeds;
 * an embed is split between blocks (quotes stay whole), embeds are grouped into messages of at most ten
 * embeds and 6000 characters; a card's own buttons end its message, the reply's buttons go under the last
 * message, and files are attached to the first.
 */
import { ButtonStyle, ComponentType } from 'discord.js';
import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed } from 'discord.js';
import { discordLimits } from '../commands/discord-limits.js';
import { truncate } from '../commands/reply.js';
import type { Reply, ReplyBlock, ReplyButton, ReplyCard } from '../commands/reply.js';
import { escapeMarkdown } from './escape-markdown.js';

export interface DiscordFile {
  readonly name: string;
  readonly data: Buffer;
  readonly description?: string;
}

export interface DiscordMessage {
  readonly content?: string;
  readonly embeds: APIEmbed[];
  readonly components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  readonly files?: readonly DiscordFile[];
}

const blockSeparator = '\n\n';
/** Escapes Discord markdown in text that is shown as written (questions, quotes, section names). */
export function escapeText(text: string): string {
  return escapeMarkdown(text);
}

/** Bold answers up to this length; a longer one may be split between embeds, where bold markers would break. */
const boldAnswerCap = 1500;
/** A reply longer than this many messages is cut (a huge paragraph): the last message says so. */
export const maxMessages = 10;

/** Escaped text with the marked ranges in bold (sorted, overlaps merged). */
function highlighted(text: string, marks: readonly (readonly [number, number])[]): string {
  const sorted = [...marks].filter(([start, end]) => start < end).sort((a, b) => a[0] - b[0]);
  let result = '';
  let position = 0;
  for (const [start, end] of sorted) {
    if (end <= position) continue;
    const from = Math.max(start, position);
    result += escapeText(text.slice(position, from)) + `**${escapeText(text.slice(from, end))}**`;
    position = end;
  }
  return result + escapeText(text.slice(position));
}

function renderBlock(block: ReplyBlock): string {
  switch (block.kind) {
    case 'text':
      return block.marks === undefined || block.marks.length === 0 ? escapeText(block.text) : highlighted(block.text, block.marks);
    case 'answer': {
      const line = block.text.length <= boldAnswerCap ? `**${escapeText(block.text)}**` : escapeText(block.text);
      return block.citation === '' ? line : `${line}\n— ${escapeText(block.citation)}`;
    }
    case 'field':
      // A list under a label starts on the line below it, not beside the label.
      return block.value.includes('\n')
        ? `**${escapeText(block.name)}**\n${escapeText(block.value)}`
        : `**${escapeText(block.name)}:** ${escapeText(block.value)}`;
    case 'quote': {
      const quoted = escapeText(block.text)
        .split(/\r?\n/)
        .map((line) => `> ${line}`)
        .join('\n');
      return `${quoted}\n— ${escapeText(block.citation)}`;
    }
    case 'member':
      // An embed mention shows the member's name and never pings; the messages also disable mention parsing.
      return `${escapeText(block.before)}<@${block.memberId}>${escapeText(block.after)}`;
  }
}

/** Cuts one oversized block at the last sentence end, line break or space that fits; hard cut as a last resort. */
function splitOversized(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const boundary = Math.max(window.lastIndexOf('. '), window.lastIndexOf('\n'), window.lastIndexOf('? '), window.lastIndexOf('! '));
    let cut = boundary > limit / 2 ? boundary + 1 : window.lastIndexOf(' ');
    if (cut <= 0) cut = limit;
    // Never cut a surrogate pair.
    if (/[\uD800-\uDBFF]/.test(rest.charAt(cut - 1))) cut -= 1;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
    if (text.startsWith('> ') && rest !== '' && !rest.startsWith('> ')) rest = `> ${rest}`;
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}

function embedLength(embed: APIEmbed): number {
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0);
}

function cardToEmbeds(card: ReplyCard): APIEmbed[] {
  const title = card.title === undefined ? undefined : truncate(escapeText(card.title), discordLimits.embedTitle);
  const footer = card.footer === undefined ? undefined : truncate(card.footer, discordLimits.embedFooter);
  // Keep every embed alone under the per-message budget, whatever the title and footer take.
  const descriptionLimit = Math.min(discordLimits.embedDescription, discordLimits.embedCharactersPerMessage - (title?.length ?? 0) - (footer?.length ?? 0));
  const pieces = card.blocks.flatMap((block) => splitOversized(renderBlock(block), descriptionLimit));

  const descriptions: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (current !== '' && current.length + blockSeparator.length + piece.length > descriptionLimit) {
      descriptions.push(current);
      current = piece;
    } else {
      current = current === '' ? piece : current + blockSeparator + piece;
    }
  }
  if (current !== '' || descriptions.length === 0) descriptions.push(current);

  return descriptions.map((description, position) => {
    const embed: APIEmbed = {};
    if (position === 0 && title !== undefined) embed.title = title;
    if (description !== '') embed.description = description;
    if (position === descriptions.length - 1 && footer !== undefined) embed.footer = { text: footer };
    if (card.accent !== undefined) embed.color = card.accent;
    return embed;
  });
}

const buttonStyles = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
} as const;

function buttonRows(rows: readonly (readonly ReplyButton[])[]): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  return rows
    .filter((row) => row.length > 0)
    .slice(0, discordLimits.rows)
    .map((row) => ({
      type: ComponentType.ActionRow,
      components: row.slice(0, discordLimits.buttonsPerRow).map((button) => {
        const component: APIButtonComponentWithCustomId = {
          type: ComponentType.Button,
          style: buttonStyles[button.style],
          custom_id: button.customId.slice(0, discordLimits.customId),
          label: truncate(button.label, discordLimits.buttonLabel),
        };
        if (button.emoji !== undefined) component.emoji = { name: button.emoji };
        return component;
      }),
    }));
}

/** At least one message; the first is the one that replaces a deferred reply. */
export function toDiscordMessages(reply: Reply): DiscordMessage[] {
  if (reply.kind === 'error') {
    return [{ content: truncate(reply.text, discordLimits.content), embeds: [], components: [] }];
  }
  const messages: { content?: string; embeds: APIEmbed[]; components: DiscordMessage['components']; files?: DiscordFile[] }[] = [];
  let current: APIEmbed[] = [];
  let currentLength = 0;
  const close = (components: DiscordMessage['components']) => {
    messages.push({ embeds: current, components });
    current = [];
    currentLength = 0;
  };
  for (const card of reply.cards) {
    for (const embed of cardToEmbeds(card)) {
      const length = embedLength(embed);
      if (current.length > 0 && (current.length === discordLimits.embeds || currentLength + length > discordLimits.embedCharactersPerMessage)) close([]);
      current.push(embed);
      currentLength += length;
    }
    if (card.buttons !== undefined && card.buttons.some((row) => row.length > 0)) close(buttonRows(card.buttons));
  }
  if (current.length > 0 || messages.length === 0) close([]);

  const first = messages[0];
  if (first !== undefined && reply.text !== undefined) first.content = truncate(reply.text, discordLimits.content);
  if (first !== undefined && reply.files !== undefined && reply.files.length > 0) {
    first.files = reply.files.slice(0, discordLimits.attachments).map((file) => ({
      name: file.name,
      data: Buffer.from(file.text, 'utf8'),
      ...(file.description === undefined ? {} : { description: truncate(file.description, discordLimits.attachmentDescription) }),
    }));
  }
  if (messages.length > maxMessages) {
    const left = messages.length - maxMessages;
    messages.length = maxMessages;
    const end = messages[maxMessages - 1];
    if (end !== undefined) {
      const note = `This reply is too long for Discord: the last ${left} message${left === 1 ? ' was' : 's were'} left out.`;
      end.content = truncate(end.content === undefined ? note : `${end.content}\n${note}`, discordLimits.content);
    }
  }
  const last = messages[messages.length - 1];
  if (last !== undefined) last.components = [...last.components, ...buttonRows(reply.buttons)].slice(0, discordLimits.rows);
  return messages;
}
