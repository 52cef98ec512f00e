/**
 * A question set as it is typed in a chat: each item's scored (last) turn gets one greeting, preface or sign-off
 * ("hey …", "quick question: …", "… lol", "… pls help"), drawn from a seed so a set is the same on every run.
 * It measures what such words cost, on questions whose clean figures are known. The wrappers were written as a
 * probe before question/chat-filler.ts existed; that module's word lists were then made to cover them, so the
 * set measures the mechanism (ends only, never the middle), not how many other chat words it knows.
 */
import { seededRandom } from '../seeded-random.js';
import type { EvalItem } from './question-set.js';

/** `{}` is the question as written. */
export const CHAT_WRAPPERS: readonly string[] = [
  'hey {}',
  '{} lol',
  'pls {}',
  'quick question: {}',
  'ok but {}',
  'omg {}',
  'yo bot {}',
  '{} thx',
  'hi! {}',
  '{} 😂',
  'um {}',
  'wait {}',
  '{} pls help',
];

export function typedChatty(items: readonly EvalItem[], seed: string): EvalItem[] {
  return items.map((item) => {
    const random = seededRandom(`${seed}:${item.id}`);
    const wrapper = random.pick(CHAT_WRAPPERS);
    const last = item.turns.length - 1;
    return { ...item, turns: item.turns.map((turn, at) => (at === last ? wrapper.replace('{}', turn) : turn)) };
  });
}
