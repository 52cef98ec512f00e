/**
 * "Which of these does the text say?": one clause of the text, verbatim, among copies of it altered in a
 * way the text can check: another actor of the same group in place of the one named, another number of the
 * same magnitude, or the verb negated. An altered copy the text also says is never offered.
 */
import { tagWords } from '../language/part-of-speech.js';
import { containsPhrase, entityChoice, rankEntities, rankNumbers } from './distractors.js';
import { findNumbers } from '../language/number-expressions.js';
import { clausesOf, MINIMUM_DISTRACTORS, pointsBack, type QuestionCandidate } from './quiz-question.js';
import type { Entity } from './recognise-entities.js';
import type { SeededRandom } from '../seeded-random.js';
import type { SentenceUnit } from './sentence-units.js';
import type { Quote } from '../corpus/citation.js';

const PROMPT = 'Which of these does the text say?';
const MIN_WORDS = 6;
/** Statements too long for a button are listed under the prompt; past this, four of them are a reading test. */
const MAX_STATEMENT_CHARACTERS = 120;

export function statementQuestion(unit: SentenceUnit, quote: Quote, entities: readonly Entity[], random: SeededRandom): QuestionCandidate | undefined {
  const sentence = quote.text;
  const documentText = unit.document.text;
  const options = clausesOf(sentence)
    .map((clause) => ({ ...clause, text: sentence.slice(clause.start, clause.end) }))
    .filter(
      (clause) =>
        clause.text.length <= MAX_STATEMENT_CHARACTERS &&
        clause.text.split(/\s+/u).length >= MIN_WORDS &&
        !pointsBack(clause.text) &&
        // A main clause: the sentence's start, or a clause opening with a capital ("…—Baku cannot risk …").
        (clause.start === 0 || /^\p{Lu}/u.test(clause.text)),
    );
  for (const clause of random.shuffle(options)) {
    const words = tagWords(clause.text);
    const verb = words.findIndex((word) => word.pos === 'VERB' || word.pos === 'AUX');
    const hasSubject = verb > 0 && words.slice(0, verb).some((word) => word.pos === 'NOUN' || word.pos === 'PROPN' || word.pos === 'PRON');
    if (!hasSubject || /\b(?:not|never|no|cannot|neither|nor)\b|n[’']t\b/iu.test(clause.text)) continue;
    const altered = [wrongActor(clause.text, unit, quote.start + clause.start, entities, random), wrongNumber(clause.text, random, unit), negated(clause.text)]
      .filter(
        (text): text is string => text !== undefined && text !== clause.text && text.length <= MAX_STATEMENT_CHARACTERS && !containsPhrase(documentText, text),
      )
      .filter((text, index, all) => all.indexOf(text) === index);
    if (altered.length < MINIMUM_DISTRACTORS) continue;
    return {
      kind: 'which-true',
      answerKind: 'statement',
      prompt: PROMPT,
      answer: clause.text,
      answerKey: `statement:${quote.start + clause.start}`,
      answerStart: quote.start + clause.start,
      distractors: altered,
      unit,
      quote,
      weight: 1.6,
    };
  }
  return undefined;
}

/** The clause with a named actor replaced by another of the same group. */
function wrongActor(clause: string, unit: SentenceUnit, clauseStart: number, entities: readonly Entity[], random: SeededRandom): string | undefined {
  for (const entity of entities) {
    const mention = entity.mentions.find(
      (candidate) => candidate.unit === unit && candidate.start >= clauseStart && candidate.end <= clauseStart + clause.length,
    );
    if (mention === undefined) continue;
    const surname = entity.kind === 'person' && !mention.text.includes(' ') && entity.name.includes(' ');
    const other = rankEntities({ answer: entity, entities, nearPosition: unit.position, random })
      .filter((candidate) => candidate.group === entity.group)
      .map((candidate) => entityChoice(candidate, surname ? 'surname' : 'full', /^the\s/iu.test(clause.slice(Math.max(0, mention.start - clauseStart - 4)))))
      .find((name) => !containsPhrase(unit.sentence.text, name));
    if (other === undefined) continue;
    const at = mention.start - clauseStart;
    return `${clause.slice(0, at)}${other}${clause.slice(at + mention.text.length)}`;
  }
  return undefined;
}

/** The clause with its first number replaced by another of the same magnitude, written the same way. */
function wrongNumber(clause: string, random: SeededRandom, unit: SentenceUnit): string | undefined {
  const number = findNumbers(clause)[0];
  if (number === undefined) return undefined;
  const corpusNumbers = findNumbers(unit.paragraph.text);
  const other = rankNumbers({ answer: number, corpusNumbers, random }).find((text) => text !== number.text);
  if (other === undefined) return undefined;
  const replacement = /^\p{Lu}/u.test(number.text) ? other.charAt(0).toUpperCase() + other.slice(1) : other;
  return `${clause.slice(0, number.start)}${replacement}${clause.slice(number.end)}`;
}

/** "was accused" → "was not accused"; "declined" → "did not decline"; "supports" → "does not support". */
function negated(clause: string): string | undefined {
  const words = tagWords(clause);
  const index = words.findIndex((word) => word.pos === 'AUX' || word.pos === 'VERB');
  const word = words[index];
  if (word === undefined || index === 0) return undefined;
  if (word.pos === 'AUX') {
    if (/^(?:to|being|been|be)$/iu.test(word.text)) return undefined;
    if (/^can$/iu.test(word.text)) return `${clause.slice(0, word.end)}not${clause.slice(word.end)}`;
    return `${clause.slice(0, word.end)} not${clause.slice(word.end)}`;
  }
  // "Climate models used by …": a participle, not the clause's verb.
  if (words[index + 1]?.text === 'by') return undefined;
  const helper = /ed$/u.test(word.text) ? 'did' : /[^s]s$/u.test(word.text) ? 'does' : undefined;
  if (helper === undefined || word.lemma === '' || word.lemma === word.text) return undefined;
  return `${clause.slice(0, word.start)}${helper} not ${word.lemma}${clause.slice(word.end)}`;
}
