/**
 * Button custom ids (at most 100 characters, Discord's limit). They carry everything a click needs, so buttons
 * keep working after a restart: the paragraph to show, or the saved answer a vote is about.
 */
import { createHash } from 'node:crypto';
import { discordLimits } from './discord-limits.js';

export type ButtonAction =
  | { readonly kind: 'paragraph'; readonly paragraph: number; readonly document: { readonly id: string } | { readonly hash: string } }
  | { readonly kind: 'vote'; readonly vote: 'up' | 'down'; readonly answerId: string };

const prefix = 'fn';

/** A short, stable stand-in for a document id too long to fit in a custom id. */
export function documentHash(documentId: string): string {
  return createHash('sha256').update(documentId).digest('base64url').slice(0, 16);
}

export function paragraphButtonId(documentId: string, paragraph: number): string {
  const full = `${prefix}:p:${paragraph}:${documentId}`;
  return full.length <= discordLimits.customId ? full : `${prefix}:p:${paragraph}:#${documentHash(documentId)}`;
}

export function voteButtonId(vote: 'up' | 'down', answerId: string): string {
  return `${prefix}:v:${vote}:${answerId}`;
}

export function parseButtonId(customId: string): ButtonAction | undefined {
  const paragraph = /^fn:p:(\d{1,6}):(.+)$/s.exec(customId);
  if (paragraph !== null) {
    const [, number, document] = paragraph as unknown as [string, string, string];
    return {
      kind: 'paragraph',
      paragraph: Number(number),
      document: document.startsWith('#') ? { hash: document.slice(1) } : { id: document },
    };
  }
  const vote = /^fn:v:(up|down):([\w-]{1,80})$/.exec(customId);
  if (vote !== null) {
    const [, direction, answerId] = vote as unknown as [string, 'up' | 'down', string];
    return { kind: 'vote', vote: direction, answerId };
  }
  return undefined;
}
