/** A Reply as terminal text: the same content as the Discord embeds, without markdown. */
import { parseButtonId } from '../commands/custom-ids.js';
import { buttonRowsOf } from '../commands/reply.js';
import type { Reply, ReplyBlock, ReplyButton } from '../commands/reply.js';

const letters = 'abcdefghij';

function renderBlock(block: ReplyBlock): string {
  switch (block.kind) {
    case 'text':
      return block.text;
    case 'answer':
      return block.citation === '' ? block.text : `${block.text}\n      — ${block.citation}`;
    case 'field':
      return block.value.includes('\n') ? `${block.name}\n${block.value.replace(/^/gmu, '  ')}` : `${block.name}: ${block.value}`;
    case 'quote':
      return `  “${block.text}”\n      — ${block.citation}`;
    case 'member':
      return `${block.before}@${block.memberId}${block.after}`;
  }
}

function isPressable(button: ReplyButton): boolean {
  const kind = parseButtonId(button.customId)?.kind;
  return kind === 'quiz' || kind === 'review' || kind === 'grade';
}

/**
 * The keys a console user types after /press for the buttons that answer questions: "2c" is the third
 * button of the second row that has any. Votes have no console equivalent, and "Show ¶" has /passage.
 */
export function pressableButtonKeys(reply: Reply): Map<string, string> {
  const keys = new Map<string, string>();
  let row = 0;
  for (const buttons of buttonRowsOf(reply)) {
    if (!buttons.some(isPressable)) continue;
    row += 1;
    buttons.forEach((button, position) => {
      if (isPressable(button)) keys.set(button.customId, `${row}${letters[position] ?? position}`);
    });
  }
  return keys;
}

function renderButtons(rows: readonly (readonly ReplyButton[])[], keys: ReadonlyMap<string, string>): string[] {
  return rows.flatMap((row) => {
    const keyed = row.flatMap((button) => {
      const key = keys.get(button.customId);
      return key === undefined ? [] : [`[${key}] ${button.label}`];
    });
    return keyed.length === 0 ? [] : [`  ${keyed.join('   ')}`];
  });
}

export function renderText(reply: Reply): string {
  if (reply.kind === 'error') return reply.text;
  const keys = pressableButtonKeys(reply);
  const parts: string[] = [];
  if (reply.text !== undefined) parts.push(reply.text);
  for (const card of reply.cards) {
    const lines: string[] = [];
    if (card.title !== undefined) lines.push(card.title, '');
    lines.push(card.blocks.map(renderBlock).join('\n\n'));
    const buttons = renderButtons(card.buttons ?? [], keys);
    if (buttons.length > 0) lines.push('', ...buttons);
    if (card.footer !== undefined) lines.push('', `(${card.footer})`);
    parts.push(lines.join('\n'));
  }
  const replyButtons = renderButtons(reply.buttons, keys);
  if (replyButtons.length > 0) parts.push(replyButtons.join('\n'));
  if (keys.size > 0) parts.push(`To answer, type /press and a key, e.g. /press ${keys.values().next().value ?? '1a'}.`);
  // The console has no buttons: point at the command that does what "Show ¶" does.
  const paragraphs = buttonRowsOf(reply)
    .flat()
    .flatMap((button) => {
      const action = parseButtonId(button.customId);
      return action?.kind === 'paragraph' ? [action.paragraph] : [];
    });
  if (paragraphs.length > 0) parts.push(`Whole paragraph: ${paragraphs.map((number) => `/passage ${number}`).join(' · ')}`);
  for (const file of reply.files ?? []) parts.push(`── ${file.name} (${(Buffer.byteLength(file.text) / 1024).toFixed(1)} KiB) ──\n${file.text}`);
  return parts.join('\n\n');
}
