/** A Reply as terminal text: the same content as the Discord embeds, without markdown. */
import { parseButtonId } from '../discord/custom-ids.js';
import type { Reply, ReplyBlock } from '../discord/reply.js';

function renderBlock(block: ReplyBlock): string {
  switch (block.kind) {
    case 'text':
      return block.text;
    case 'field':
      return `${block.name}: ${block.value}`;
    case 'quote':
      return `  “${block.text}”\n      — ${block.citation}`;
  }
}

export function renderText(reply: Reply): string {
  if (reply.kind === 'error') return reply.text;
  const parts: string[] = [];
  if (reply.text !== undefined) parts.push(reply.text);
  for (const card of reply.cards) {
    const lines: string[] = [];
    if (card.title !== undefined) lines.push(card.title, '');
    lines.push(card.blocks.map(renderBlock).join('\n\n'));
    if (card.footer !== undefined) lines.push('', `(${card.footer})`);
    parts.push(lines.join('\n'));
  }
  // The console has no buttons: point at the command that does what "Show ¶" does.
  const paragraphs = reply.buttons.flat().flatMap((button) => {
    const action = parseButtonId(button.customId);
    return action?.kind === 'paragraph' ? [action.paragraph] : [];
  });
  if (paragraphs.length > 0) parts.push(`Whole paragraph: ${paragraphs.map((number) => `/passage ${number}`).join(' · ')}`);
  return parts.join('\n\n');
}
