/**
 * What a command answers, independent of where it is shown: Discord renders it as embeds and buttons
 * (discord-message.ts), the console as plain text (console/render-text.ts). Text here is raw, never escaped.
 */

/** The unit a reply is split between: a block is never cut unless it alone exceeds a limit. */
export type ReplyBlock =
  /** `marks` are [start, end) ranges of `text` to highlight (the words a search found). */
  | { readonly kind: 'text'; readonly text: string; readonly marks?: readonly (readonly [number, number])[] }
  /** The answer line, shown first and emphasised, with its full citation under it. */
  | { readonly kind: 'answer'; readonly text: string; readonly citation: string }
  /** A verbatim quote and where it stands ("Section, ¶ 3"). */
  | { readonly kind: 'quote'; readonly text: string; readonly citation: string }
  | { readonly kind: 'field'; readonly name: string; readonly value: string }
  /** A line about one member: Discord shows a mention (which never pings), the console the member's id. */
  | { readonly kind: 'member'; readonly memberId: string; readonly before: string; readonly after: string };

export interface ReplyCard {
  readonly title?: string;
  readonly blocks: readonly ReplyBlock[];
  readonly footer?: string;
  readonly accent?: number;
  /** Buttons that belong under this card (a quiz's questions): the card ends its message and they go under it. */
  readonly buttons?: readonly (readonly ReplyButton[])[];
}

export interface ReplyButton {
  readonly customId: string;
  readonly label: string;
  readonly emoji?: string;
  readonly style: 'primary' | 'secondary' | 'success' | 'danger';
}

export interface ReplyFile {
  readonly name: string;
  /** UTF-8 text (Markdown). */
  readonly text: string;
  readonly description?: string;
}

export type Reply =
  | {
      readonly kind: 'content';
      readonly cards: readonly ReplyCard[];
      /** Rows of buttons, shown under the last message of the reply. */
      readonly buttons: readonly (readonly ReplyButton[])[];
      /** A short line above the cards. */
      readonly text?: string;
      /** Files attached to the first message. */
      readonly files?: readonly ReplyFile[];
    }
  /** A short message only the user sees: a refusal, a missing section, a failure. */
  | { readonly kind: 'error'; readonly text: string };

/** Documents in a library this size get one group each in a channel reply; more are left to the document option. */
export const documentsShown = 5;

export const accents = {
  answer: 0x5865f2,
  abstain: 0x99aab5,
  info: 0x2b9a66,
  wrong: 0xc9473d,
} as const;

export function errorReply(text: string): Reply {
  return { kind: 'error', text };
}

export function cardReply(card: ReplyCard, buttons: readonly (readonly ReplyButton[])[] = []): Reply {
  return { kind: 'content', cards: [card], buttons };
}

/** A short line and nothing else (e.g. "Thanks, your 👍 is noted."). */
export function textReply(text: string): Reply {
  return { kind: 'content', cards: [], buttons: [], text };
}

/** Every row of buttons in a reply, in the order they are shown: under their cards first, then under the reply. */
export function buttonRowsOf(reply: Reply): readonly (readonly ReplyButton[])[] {
  if (reply.kind === 'error') return [];
  return [...reply.cards.flatMap((card) => card.buttons ?? []), ...reply.buttons];
}

const ellipsis = '…';

/** Text cut at the last word boundary that keeps it within `limit` characters, with an ellipsis; whole if it fits. */
export function cutAtWord(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const window = text.slice(0, limit - ellipsis.length + 1);
  const space = window.search(/\s\S*$/);
  // A text with no space in its second half (a URL, a word list without spaces) is cut by code points instead.
  return space > limit / 2 ? text.slice(0, space).trimEnd() + ellipsis : truncate(text, limit);
}

/** Cuts text to a length limit with an ellipsis. */
export function truncate(text: string, limit: number): string {
  const characters = Array.from(text);
  if (characters.length <= limit) return text;
  // Counted in code points so an emoji is never cut in half; Discord counts UTF-16 units, so stay under both.
  let result = '';
  for (const character of characters) {
    if (result.length + character.length + ellipsis.length > limit) break;
    result += character;
  }
  return result + ellipsis;
}
