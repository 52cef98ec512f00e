/**
 * A word-bigram model of a source text, for synthetic corpora that read like the article (its words,
 * its word pairs) without copying it. Pure bigram chains from one short article all drift to the same
 * common words, so every paragraph would embed to almost the same vector; real reading lists are about
 * different things. Each generated paragraph therefore has a few "topic" words the chain jumps to now
 * and then, which spreads the vectors the way distinct subjects do.
 */
import { STOPWORDS } from '../language/lexicon.js';
import type { SeededRandom } from '../seeded-random.js';

const START = '\u0002';
const END = '\u0003';
const WORD = /[\p{L}\p{N}]+(?:[’'-][\p{L}\p{N}]+)*|,/gu;

/** Chance, at each word, of jumping to one of the paragraph's topic words instead of following the chain. */
const TOPIC_JUMP = 0.15;
const MIN_SENTENCE_WORDS = 6;
const MAX_SENTENCE_WORDS = 32;

export interface BigramModel {
  /** Content words of the source (no function words, five letters or more): where topics come from. */
  readonly contentWords: readonly string[];
  sentence(random: SeededRandom, topic: readonly string[], maxWords?: number): string;
}

export function createBigramModel(sourceSentences: readonly string[]): BigramModel {
  const followers = new Map<string, string[]>();
  const content = new Set<string>();
  const add = (from: string, to: string) => {
    const list = followers.get(from);
    if (list === undefined) followers.set(from, [to]);
    else list.push(to);
  };
  for (const sentence of sourceSentences) {
    const words = sentence.match(WORD) ?? [];
    if (words.length === 0) continue;
    let previous = START;
    for (const word of words) {
      add(previous, word);
      previous = word;
      if (word.length >= 5 && !STOPWORDS.has(word.toLowerCase())) content.add(word);
    }
    add(previous, END);
  }
  if (!followers.has(START)) throw new Error('the source text has no sentences to learn word pairs from');
  const contentWords = [...content].sort();

  return {
    contentWords,
    sentence(random, topic, maxWords = MAX_SENTENCE_WORDS) {
      const words: string[] = [];
      let current = START;
      while (words.length < maxWords) {
        const jump = topic.length > 0 && (current === START ? random.next() < 0.5 : random.next() < TOPIC_JUMP);
        let next = jump ? random.pick(topic) : random.pick(followers.get(current) ?? followers.get(START) ?? [END]);
        if (next === END || (next === ',' && words.length === 0)) {
          if (words.length >= MIN_SENTENCE_WORDS) break;
          // Too short to be a sentence: carry on from a fresh start rather than stop.
          next = random.pick(topic.length > 0 ? topic : (followers.get(START) ?? []));
        }
        words.push(next);
        current = next;
      }
      return formatSentence(words);
    },
  };
}

function formatSentence(words: readonly string[]): string {
  let text = '';
  for (const word of words) text += word === ',' ? ',' : text === '' ? word : ` ${word}`;
  text = text.replace(/,+$/u, '').replace(/,(?=,)/gu, '');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
