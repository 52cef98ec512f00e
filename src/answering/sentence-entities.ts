/**
 * What kinds of answer a sentence holds — counts, times, names, a stated cause — read with wink-nlp's
 * English model (part-of-speech tags and its number/date entities) instead of hand-written word lists.
 * wink-nlp was chosen over compromise for speed: about a millisecond a sentence, and results are cached.
 */
import { englishPipeline } from '../language/part-of-speech.js';

export interface SentenceEntities {
  /** Counts, amounts, percentages ("67", "forty-six percent"). */
  readonly numbers: readonly string[];
  /** Dates, times and durations ("25 December 2024", "three years"). */
  readonly times: readonly string[];
  /** Runs of proper nouns ("Alexey Ovchuk", "Moscow"). */
  readonly names: readonly string[];
  /** The sentence states a cause or means: a subordinate clause, or a preposition before an -ing verb ("by closing"). */
  readonly explains: boolean;
}

const NUMBER_TYPES = new Set(['CARDINAL', 'PERCENT', 'MONEY', 'ORDINAL']);
const TIME_TYPES = new Set(['DATE', 'TIME', 'DURATION']);

/** Reads one sentence; pure apart from the model loaded once. */
export function readEntities(text: string): SentenceEntities {
  const nlp = englishPipeline();
  const its = nlp.its;
  const document = nlp.readDoc(text);
  const numbers: string[] = [];
  const times: string[] = [];
  for (const detail of document.entities().out(its.detail) as unknown as { value: string; type: string }[]) {
    if (NUMBER_TYPES.has(detail.type)) numbers.push(detail.value);
    else if (TIME_TYPES.has(detail.type)) times.push(detail.value);
  }
  const values: string[] = document.tokens().out(its.value);
  const tags = document.tokens().out(its.pos) as string[];
  const names: string[] = [];
  let run: string[] = [];
  let explains = false;
  tags.forEach((tag, index) => {
    const value = values[index] ?? '';
    // The first word of a sentence is capitalised anyway; the tagger still tells names from other words.
    if (tag === 'PROPN') run.push(value);
    else {
      if (run.length > 0) names.push(run.join(' '));
      run = [];
    }
    if (tag === 'NUM' && !numbers.some((number) => number.includes(value)) && !times.some((time) => time.includes(value))) numbers.push(value);
    if (tag === 'SCONJ' || (tag === 'ADP' && tags[index + 1] === 'VERB' && /ing$/u.test(values[index + 1] ?? ''))) explains = true;
  });
  if (run.length > 0) names.push(run.join(' '));
  return { numbers, times, names, explains };
}

/** Caches readings per sentence text: questions over one corpus meet the same sentences again and again. */
export class EntityCache {
  private readonly cache = new Map<string, SentenceEntities>();

  constructor(private readonly limit = 50_000) {}

  of(text: string): SentenceEntities {
    let found = this.cache.get(text);
    if (found === undefined) {
      found = readEntities(text);
      if (this.cache.size >= this.limit) this.cache.clear();
      this.cache.set(text, found);
    }
    return found;
  }
}

/** Noun phrases that hold a name, as written ("the Azal plane" → "Azal plane", "Maria Zakharova"). */
export function namedNounPhrases(text: string): string[] {
  const nlp = englishPipeline();
  const its = nlp.its;
  const document = nlp.readDoc(text);
  const values: string[] = document.tokens().out(its.value);
  const tags = document.tokens().out(its.pos) as string[];
  const phrases: string[] = [];
  let run: number[] = [];
  const flush = () => {
    // A phrase counts when it has a proper noun (past the question's first word) and ends in a noun.
    while (run.length > 0 && !['NOUN', 'PROPN'].includes(tags[run.at(-1) as number] ?? '')) run.pop();
    if (run.some((index) => index > 0 && tags[index] === 'PROPN')) phrases.push(run.map((index) => values[index]).join(' '));
    run = [];
  };
  tags.forEach((tag, index) => {
    if (tag === 'PROPN' || tag === 'NOUN' || (tag === 'ADJ' && run.length === 0)) run.push(index);
    else flush();
  });
  flush();
  return phrases;
}
