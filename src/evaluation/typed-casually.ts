/**
 * A question set as students type it: lower case, no closing punctuation, and one slip of the fingers in one
 * longer word of each question (a letter dropped, doubled, replaced, or two neighbouring letters swapped),
 * drawn from a seed so a set is the same on every run. It measures how much a typo costs, on questions whose
 * clean figures are known.
 */
import { seededRandom, type SeededRandom } from '../seeded-random.js';
import { isContentWord } from '../language/tokenize.js';
import type { EvalItem } from './question-set.js';

/** Words this long or longer may get the typo: shorter ones are too often another real word once misspelt. */
const TYPO_MIN_LENGTH = 5;
const REPLACEMENTS = 'aeiourstn';

export function typedCasually(items: readonly EvalItem[], seed: string): EvalItem[] {
  return items.map((item) => {
    const random = seededRandom(`${seed}:${item.id}`);
    return { ...item, turns: item.turns.map((turn) => casualTurn(turn, random)) };
  });
}

function casualTurn(question: string, random: SeededRandom): string {
  const words = question
    .toLowerCase()
    .replace(/[?!.]+\s*$/u, '')
    .split(/\s+/u);
  const eligible = words.flatMap((word, at) => (/^\p{L}+$/u.test(word) && word.length >= TYPO_MIN_LENGTH && isContentWord(word) ? [at] : []));
  if (eligible.length > 0) {
    const at = random.pick(eligible);
    words[at] = slip(words[at] ?? '', random);
  }
  return words.join(' ');
}

/** One typing slip inside the word (never its first or last letter, so the word stays recognisable). */
function slip(word: string, random: SeededRandom): string {
  const at = 1 + random.below(word.length - 2);
  const letter = word[at] ?? '';
  switch (random.below(4)) {
    case 0:
      return `${word.slice(0, at)}${word[at + 1] ?? ''}${letter}${word.slice(at + 2)}`;
    case 1:
      return `${word.slice(0, at)}${word.slice(at + 1)}`;
    case 2:
      return `${word.slice(0, at)}${letter}${word.slice(at)}`;
    default:
      return `${word.slice(0, at)}${random.pick([...REPLACEMENTS])}${word.slice(at + 1)}`;
  }
}
