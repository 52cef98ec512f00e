/**
 * Reads a question once, against the corpus it is asked of: the kind of answer asked, its focus, its
 * names and terms (question-analysis.ts), with how people type taken into account — words the corpus
 * does not have are corrected against its vocabulary by edit distance ("Yekaterinberg" → yekaterinburg),
 * and names are recognised whatever their case ("who is ovchuk"). Words still unknown are listed, rarest
 * first, so an abstention can say what the text never mentions.
 */
import { knownSpelling } from '../language/spelling-variants.js';
import { analyzeQuestion, isDescriptiveName, type AnalyzedQuestion, type NameTerm, type QueryTerm } from './question-analysis.js';
import { nameWords } from '../language/name-words.js';
import { nearFutureWords } from './near-future.js';
import { askerNowWords } from './asker-now.js';
import { askerDoingTheTextLacks } from './asker-doing.js';
import { isContentWord, stemWord, tokenize } from '../language/tokenize.js';
import { questionTopics } from './question-topics.js';
import { writeOutShorthand } from '../language/chat-shorthand.js';
import { wordLookupOf } from './word-lookup.js';

/** What the reader needs to know of the corpus. */
export interface CorpusVocabulary {
  /** Every content word of the corpus → its stem. */
  readonly vocabulary: ReadonlyMap<string, string>;
  /** Words the corpus writes with a capital inside a sentence. */
  readonly properNames: ReadonlySet<string>;
  /** Words the corpus also writes in lower case somewhere. */
  readonly writtenLowercase: ReadonlySet<string>;
  hasStem(stem: string): boolean;
  /** Whether the corpus ever writes a word of this stem as a noun or a name (without it, every word it has counts). */
  usesAsNoun?(stem: string): boolean;
  /** The corpus's words matching a word at least `floor` (0..1) strongly that are not of its stem or family (word-vector neighbours), strongest first. */
  relativesOf?(word: string, stem: string, floor: number): readonly string[];
  /** Inverse sentence frequency of a stem in the corpus: low for the words it keeps coming back to. */
  idf?(stem: string): number;
}

/** General English, for deciding whether an unknown word is a typo or simply a word this text lacks. */
export interface EnglishWords {
  /** Frequency rank, 0 = commonest; undefined when English (as the word vectors know it) lacks the word. */
  rank(word: string): number | undefined;
  /** The commonest English words, commonest first: what a misspelling the text has no near word for stands for. */
  commonWords?(): readonly string[];
}

export interface Correction {
  readonly from: string;
  readonly to: string;
}

export interface QuestionReading extends AnalyzedQuestion {
  /** The question with typos corrected (the text used for retrieval). */
  readonly correctedText: string;
  readonly corrections: readonly Correction[];
  /** Content words neither the corpus nor a correction accounts for, rarest in English first. */
  readonly unknownWords: readonly string[];
  /** Content words the corpus lacks but has a word of the same family of ("environmentalists" of a text that says "environmental"). */
  readonly relatedWords: readonly string[];
  /** Names the question uses that the corpus never mentions, as the question writes them ("United Nations"). */
  readonly unknownNames: readonly string[];
  /** The question's nouns and names (question-topics.ts), and those of them the corpus never uses. */
  readonly topics: readonly string[];
  readonly absentTopics: readonly string[];
  /**
   * Topics the corpus has only as another part of speech ("book" of a text that only says "would book elsewhere"),
   * looked for only when every other topic is absent: the one case where they tell the question is about something else.
   */
  readonly otherwiseUsedTopics: readonly string[];
  /** The asker's coming days the question asks about ("what's the weather like tomorrow") in words the corpus never uses. */
  readonly nearFuture: string | undefined;
  /**
   * What the question asks of the asker's present moment ("what time is it" → "what time it is now") or of the asker's
   * own doing when it names nothing the text names ("how do i tie a tie" → "how to tie a tie"): no text can say.
   */
  readonly askerNow: string | undefined;
  /** The noun the question asks for ("what currency…"), and whether the corpus uses it at all. */
  readonly askedNoun: { readonly word: string; readonly stem: string; readonly inText: boolean } | undefined;
}

/**
 * A topic the corpus has a close relative of ("airliner" when the text says "plane") is not absent: at or
 * above this match strength (term-matcher.ts: 0.9 for near-synonyms, 0 for unrelated words).
 */
export const RELATED_TOPIC = 0.45;

/** A match this strong is the same word family or stem (term-matcher.ts's STRICT_MATCH; word vectors stay below it). */
export const SAME_FAMILY = 0.85;

/**
 * `closeness` gives the strongest match the corpus has for a word (stem, family or word-vector neighbour);
 * without it only the word's own stem counts. `today` is the asker's, for "tomorrow" (near-future.ts).
 */
export function readQuestion(
  text: string,
  corpus: CorpusVocabulary,
  english: EnglishWords,
  closeness: (word: string, stem: string) => number = () => 0,
  today: Date = new Date(),
): QuestionReading {
  const corrections: Correction[] = [];
  // Chat shorthand first ("ppl" → people): it is how people type, not a typo of a corpus word.
  let correctedText = writeOutShorthand(text);
  for (const token of [...tokenize(correctedText)].reverse()) {
    if (!isContentWord(token.word) || corpus.vocabulary.has(token.word)) continue;
    // The word with the accents the text writes it with ("pais" of "El País"), whatever else it may stem like.
    const accented = wordLookupOf(corpus.vocabulary).withAccents(token.word);
    if (accented === undefined && knows(corpus, token.word)) continue;
    // The text's spelling of the same word ("apologised" of a text that says "apologized") before any typo.
    const to = accented ?? knownSpelling(token.word, (variant) => knows(corpus, variant)) ?? correctTypo(token.word, corpus, english);
    if (to === undefined) continue;
    corrections.unshift({ from: token.word, to });
    correctedText = `${correctedText.slice(0, token.start)}${to}${correctedText.slice(token.end)}`;
  }
  const analyzed = analyzeQuestion(correctedText);
  const missing = analyzed.terms.filter((term) => !knows(corpus, term.word));
  const related = missing.filter((term) => closeness(term.word, term.stem) >= SAME_FAMILY).map((term) => term.word);
  const unknownWords = missing
    .map((term) => term.word)
    .filter((word) => !related.includes(word))
    .sort((first, second) => (english.rank(second) ?? Infinity) - (english.rank(first) ?? Infinity));
  const { names, writtenAs } = namesOf(analyzed, corpus);
  const unknownNames = names
    .filter((name) => !name.descriptive && !knowsName(corpus, name.word))
    .map((name) => writtenAs.get(name.word) ?? nameAsWritten(correctedText, name.word));
  const { topics, askedNoun } = questionTopics(correctedText);
  const absentTopics = topics.filter((word) => !knows(corpus, word) && closeness(word, stemWord(word)) < RELATED_TOPIC);
  const otherwiseUsedTopics = usedOnlyOtherwise(
    topics.filter((word) => !absentTopics.includes(word)),
    corpus,
  );
  const coming = nearFutureWords(correctedText, today);
  const nearFuture = coming !== undefined && tokenize(coming).some((token) => !knows(corpus, token.word)) ? coming : undefined;
  return {
    ...analyzed,
    text,
    correctedText,
    corrections,
    unknownWords,
    relatedWords: related,
    unknownNames: [...new Set(unknownNames)],
    names,
    topics,
    absentTopics,
    otherwiseUsedTopics,
    nearFuture,
    askerNow:
      askerNowWords(correctedText) ??
      askerDoingTheTextLacks(correctedText, {
        namesTheText: names.some((name) => !name.descriptive && knowsName(corpus, name.word)),
        rank: (word) => english.rank(word),
        idf: (stem) => corpus.idf?.(stem),
      }),
    askedNoun: askedNoun === undefined ? undefined : { word: askedNoun, stem: stemWord(askedNoun), inText: knows(corpus, askedNoun) },
  };
}

/**
 * The topics the corpus has (by stem) only as another part of speech than the noun the question uses, when that is
 * true of every one of them (none otherwise): one written as a noun ends the search, as the question is then about
 * the text; so does a close relative of one in the word vectors written as a noun. A topic the corpus lacks has no use to tag.
 */
/** Close relatives of a topic whose uses are tagged, strongest first. */
const RELATIVES_TAGGED = 5;

function usedOnlyOtherwise(topics: readonly string[], corpus: CorpusVocabulary): string[] {
  const { usesAsNoun } = corpus;
  if (usesAsNoun === undefined || topics.length === 0) return [];
  const present = topics.filter((word) => corpus.hasStem(stemWord(word)));
  // The text may speak of the thing as a noun in another word ("the start of" of a text that says "the beginning of").
  const asNoun = (word: string) => usesAsNoun.call(corpus, stemWord(word));
  const spokenOf = (word: string) => asNoun(word) || (corpus.relativesOf?.(word, stemWord(word), RELATED_TOPIC) ?? []).slice(0, RELATIVES_TAGGED).some(asNoun);
  return present.some(spokenOf) ? [] : present;
}

/**
 * The run of capitalised words around `word` in the question ("united" → "United Nations"), without the
 * question's own first word when that is not a content word ("What NFL teams…" → "NFL").
 */
export function nameAsWritten(text: string, word: string): string {
  for (const match of text.matchAll(/\p{Lu}[\p{L}\p{N}’'-]*(?:\s+\p{Lu}[\p{L}\p{N}’'-]*)*/gu)) {
    if (!tokenize(match[0]).some((token) => token.word === word)) continue;
    const opening = match.index === text.search(/\S/u) ? /^(\S+)\s+(\S.*)$/su.exec(match[0]) : null;
    return opening?.[1] !== undefined && opening[2] !== undefined && !isContentWord(opening[1].toLowerCase()) ? opening[2] : match[0];
  }
  return word;
}

/**
 * The corpus has the word itself, a word of the same stem, or a close inflection the stemmer splits
 * ("cry" of a text that says "cried": Porter stems them "cry" and "cri").
 */
function knows(corpus: CorpusVocabulary, word: string): boolean {
  return corpus.vocabulary.has(word) || corpus.hasStem(stemWord(word)) || regularInflections(word).some((form) => corpus.vocabulary.has(form));
}

/** A word's regular inflections: "bake" → bakes, baked, baking… (some are not words; only the text's count). */
function regularInflections(word: string): string[] {
  const base = word.endsWith('e') ? word.slice(0, -1) : word;
  const forms = [`${word}s`, `${word}es`, `${base}ed`, `${base}ing`, `${word}d`];
  if (word.endsWith('ie')) forms.push(`${word.slice(0, -2)}ying`);
  // "cry" → cries, cried (Porter: "cry", "cri").
  if (/[^aeiou]y$/u.test(word)) forms.push(`${word.slice(0, -1)}ies`, `${word.slice(0, -1)}ied`);
  return forms;
}

/** A name is known by its own word or its family ("Azerbaijani" ~ "Azerbaijanis"), never by a bare stem ("Nations" ≠ "nationals"). */
function knowsName(corpus: CorpusVocabulary, word: string): boolean {
  return corpus.vocabulary.has(word) || wordLookupOf(corpus.vocabulary).hasFamilyMember(word, 3);
}

/** Rank past which a word counts as rare in English: a corpus word one edit away is then the likelier reading. */
const RARE_IN_ENGLISH = 30_000;

/**
 * The corpus word a typo most likely stands for: one edit away for words of 4+ letters, two for 8+,
 * the closest first and then the one sharing the first letter; else one that differs only in its doubled
 * letters ("tarrifs" → tariffs). A word English knows well is not a typo.
 */
export function correctTypo(word: string, corpus: Pick<CorpusVocabulary, 'vocabulary'>, english: EnglishWords): string | undefined {
  if (word.length < 4 || /\d/u.test(word)) return undefined;
  const rank = english.rank(word);
  if (rank !== undefined && rank < RARE_IN_ENGLISH) return undefined;
  const allowed = word.length >= 8 ? 2 : 1;
  const lookup = wordLookupOf(corpus.vocabulary);
  const inCorpus = lookup.closest(word, allowed) ?? lookup.sameButDoubling(word) ?? shortenedWord(word, corpus);
  // A short word English knows, however rarely ("plov"), is that word; one it does not know at all ("thnk") is a typo.
  if (inCorpus !== undefined || (word.length < MIN_ENGLISH_TYPO && rank !== undefined) || (rank !== undefined && rank < MISSPELLING_RANK)) return inCorpus;
  // Not a near miss of the text's own words: a misspelling of everyday English ("happend") is read as the word
  // meant, so it is neither matched as an unknown topic nor named in "the text doesn't mention …". A form of
  // the same word ("summarize" → summarized) is no correction, unless English does not know the word at all ("curbbed").
  const common = english.commonWords?.();
  const everyday = common === undefined ? undefined : wordLookupOf(common, RARE_IN_ENGLISH);
  const meant = everyday === undefined ? undefined : (everyday.closest(word, 1, true) ?? everyday.sameButDoubling(word));
  return meant === undefined || (stemWord(meant) === stemWord(word) && rank !== undefined) ? undefined : meant;
}

/**
 * A word cut short ("desal" for desalination, "infra" for infrastructure): the text's one word that begins with
 * it, when all the text's words that do are one word (one stem). Undefined when none or several do.
 */
function shortenedWord(word: string, corpus: Pick<CorpusVocabulary, 'vocabulary'>): string | undefined {
  let found: string | undefined;
  for (const candidate of wordLookupOf(corpus.vocabulary).beginningWith(word)) {
    if (candidate.length <= word.length + 1) continue;
    const stem = corpus.vocabulary.get(candidate);
    if (found !== undefined && corpus.vocabulary.get(found) !== stem) return undefined;
    if (found === undefined || candidate < found) found = candidate;
  }
  return found;
}

/** Length from which a word the text lacks and English has is compared with everyday English (shorter ones, "plov", are too often real words). */
const MIN_ENGLISH_TYPO = 5;
/** Rank past which English itself uses a word so rarely that it is more likely a misspelling ("happend": ~200,000th). */
const MISSPELLING_RANK = 100_000;

/**
 * Names: capitalised words past the first (as before), any word the corpus itself only ever writes as a
 * name, whatever its case in the question ("what did zakharova say"), and a word the corpus lacks that
 * English knows as a name, however it is typed ("what did the government in madrid say": name-words.ts).
 */
function namesOf(analyzed: AnalyzedQuestion, corpus: CorpusVocabulary): { names: readonly NameTerm[]; writtenAs: ReadonlyMap<string, string> } {
  const names = [...analyzed.names];
  const isName = (term: QueryTerm) => names.some((name) => name.stem === term.stem);
  for (const term of analyzed.terms) {
    if (!isName(term) && corpus.properNames.has(term.word) && !corpus.writtenLowercase.has(term.word)) names.push({ ...term, descriptive: false });
  }
  // Only of a question typed without capitals ("what did the government in madrid say"): one that has them past its first letter marks its names.
  const absent = /\p{Lu}/u.test(analyzed.text.slice(1)) ? [] : absentLowercaseTerms(analyzed, corpus, isName);
  const writtenAs = new Map<string, string>();
  if (absent.length > 0) {
    const known = nameWords(analyzed.text);
    for (const term of absent) {
      const name = known.get(term.word);
      if (name === undefined) continue;
      names.push({ ...term, descriptive: name === term.word && isDescriptiveName(analyzed.text, term.word) });
      writtenAs.set(term.word, name);
    }
  }
  return { names, writtenAs };
}

/** The question's terms typed in lower case that are not names yet and that the corpus lacks (a capitalised first word is not one). */
function absentLowercaseTerms(analyzed: AnalyzedQuestion, corpus: CorpusVocabulary, isName: (term: QueryTerm) => boolean): QueryTerm[] {
  const typedLowercase = new Set(
    tokenize(analyzed.text)
      .filter((token) => !/\p{Lu}/u.test(analyzed.text.slice(token.start, token.end)))
      .map((token) => token.word),
  );
  return analyzed.terms.filter((term) => typedLowercase.has(term.word) && !isName(term) && !knowsName(corpus, term.word));
}
