/**
 * Universal part-of-speech tags for a piece of text, from wink-nlp's English light model (an npm package:
 * nothing is downloaded). The model takes about half a second to load, so it is loaded once, on first use.
 */
import { createRequire } from 'node:module';
import type winkNLP from 'wink-nlp';
import type { ItemEntity, ItemToken, WinkMethods } from 'wink-nlp';
import { englishModel } from './english-model.js';
import { recall, remember } from './language-memo.js';

// wink-nlp and its model (~0.2 s) are required on first use, not at start: `footnote quiz --help`, a bot start,
// a test that never tags a word and a study command whose tags are saved (language-memo.ts) do not pay for them.
const require = createRequire(import.meta.url);

export type PartOfSpeech =
  'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART' | 'PRON' | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE';

export interface TaggedWord {
  readonly text: string;
  readonly pos: PartOfSpeech;
  /** The dictionary form: "decline" for "declined". */
  readonly lemma: string;
  /** Offsets into the text that was tagged. */
  readonly start: number;
  readonly end: number;
  /** The kind of the model's entity the word is part of ("last year" → DATE, "5 pm" → TIME), if any. */
  readonly entity?: string;
}

/** wink-nlp's entity kinds that say when ("last year" → DATE, "5 pm" → TIME). */
const TIME_ENTITIES: ReadonlySet<string> = new Set(['DATE', 'TIME']);

/** Whether the model read the word as part of a date or a time. */
export function isTimeWord(word: TaggedWord): boolean {
  return word.entity !== undefined && TIME_ENTITIES.has(word.entity);
}

const cache = new Map<string, readonly TaggedWord[]>();
const CACHE_LIMIT = 5000;

let pipeline: WinkMethods | undefined;
/** The model's lexicon ends where the ids of words it had never seen begin. */
let lexiconSize = 0;

/**
 * The one wink-nlp pipeline of the process, with every pipe of the English model (sentences, tags, its number
 * and date entities): building one costs about a quarter of a second, so tagging and entity reading share it.
 */
export function englishPipeline(): WinkMethods {
  return nlp();
}

function nlp(): WinkMethods {
  if (pipeline === undefined) {
    const createPipeline = require('wink-nlp') as typeof winkNLP;
    pipeline = createPipeline(englishModel() as Parameters<typeof winkNLP>[0]);
    // Read before any other text: an unseen word's id is the first one past the lexicon.
    lexiconSize = Number(pipeline.readDoc('qxzqvjk').tokens().out(pipeline.its.uniqueId)[0]);
  }
  return pipeline;
}

const known = new Map<string, boolean>();

/**
 * True when the word, in lower case, is in the English model's lexicon ("street", "network", "police"),
 * false for words it has never seen, which are mostly names ("okafor", "baku"). A hint, not a verdict:
 * many surnames are also words ("marsh", "woods").
 */
export function isDictionaryWord(word: string): boolean {
  const lower = word.toLowerCase();
  let found = known.get(lower);
  if (found === undefined) {
    found = (recall('dictionary', lower) as boolean | undefined) ?? inLexicon(lower);
    if (known.size >= CACHE_LIMIT) known.clear();
    known.set(lower, found);
  }
  return found;
}

function inLexicon(lower: string): boolean {
  const { its } = nlp();
  const ids = nlp().readDoc(lower).tokens().out(its.uniqueId);
  const found = ids.length === 1 && Number(ids[0]) < lexiconSize;
  remember('dictionary', lower, found);
  return found;
}

let lexicon: Readonly<Record<string, readonly string[]>> | undefined;

/**
 * Whether English mostly uses the word as a noun: the first (commonest) of its tags in wink-lexicon's 13,000 common
 * words is a noun's ("plane", "water"; not "whole", "big"). A word the lexicon lacks is mostly a name, a noun too.
 */
export function isMostlyNoun(word: string): boolean {
  lexicon ??= require('wink-lexicon/src/lexicon.js') as Record<string, readonly string[]>;
  const tags = Object.hasOwn(lexicon, word) ? lexicon[word] : undefined;
  return tags === undefined || /^NN/u.test(tags[0] ?? '');
}

/** Every token of `text` with its tag and offsets, in order. */
export function tagWords(text: string): readonly TaggedWord[] {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const saved = recall('tags', text) as SavedTag[] | undefined;
  const words = saved === undefined ? tag(text) : saved.map((entry) => fromSaved(text, entry));
  if (saved === undefined) remember('tags', text, words.map(toSaved));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, words);
  return words;
}

/** A tag as the language memo keeps it: [pos, lemma, start, end] and the entity kind when there is one. */
type SavedTag = [PartOfSpeech, string, number, number] | [PartOfSpeech, string, number, number, string];

const toSaved = (word: TaggedWord): SavedTag =>
  word.entity === undefined ? [word.pos, word.lemma, word.start, word.end] : [word.pos, word.lemma, word.start, word.end, word.entity];

function fromSaved(text: string, [pos, lemma, start, end, entity]: SavedTag): TaggedWord {
  return { text: text.slice(start, end), pos, lemma, start, end, ...(entity === undefined ? {} : { entity }) };
}

function tag(text: string): TaggedWord[] {
  const { its } = nlp();
  const words: TaggedWord[] = [];
  const document = nlp().readDoc(text);
  // Token index → the entity kind it belongs to, from the model's own entity pipe.
  const entityOf = new Map<number, string>();
  document.entities().each((entity: ItemEntity) => {
    const [first, last] = entity.out(its.span) as unknown as [number, number];
    for (let index = first; index <= last; index += 1) entityOf.set(index, String(entity.out(its.type)));
  });
  let cursor = 0;
  document.tokens().each((token: ItemToken, index: number) => {
    const value = token.out();
    const start = text.indexOf(value, cursor);
    // The tokenizer keeps each token as written; one it rewrote cannot be located and is skipped.
    if (start < 0) return;
    cursor = start + value.length;
    const entity = entityOf.get(index);
    words.push({
      text: value,
      pos: token.out(its.pos) as PartOfSpeech,
      lemma: String(token.out(its.lemma as Parameters<typeof token.out>[0])),
      start,
      end: cursor,
      ...(entity === undefined ? {} : { entity }),
    });
  });
  return words;
}

/** True when the text has a subject (a noun, name or pronoun) before a verb: "Baku closed the Russian House". */
export function hasSubjectAndVerb(text: string): boolean {
  const words = tagWords(text);
  const verb = words.findIndex((word) => word.pos === 'VERB' || word.pos === 'AUX');
  return verb > 0 && words.slice(0, verb).some((word) => word.pos === 'NOUN' || word.pos === 'PROPN' || word.pos === 'PRON');
}
