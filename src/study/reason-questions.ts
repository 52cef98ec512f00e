/**
 * "Why …?" and "What did … lead to?": a sentence that states a cause, a consequence or a purpose with an
 * explicit connective ("because", "due to", "led to", "designed to", "allowed … to"). The answer is the
 * clause the connective introduces, verbatim; the wrong choices are the reasons the text gives elsewhere,
 * so each one reads as a reason and none is a reason for this.
 */
import { hasSubjectAndVerb } from '../language/part-of-speech.js';
import { containsPhrase } from './distractors.js';
import { REPORTING_VERBS } from './entity-cues.js';
import { MAX_PROMPT_CHARACTERS, pointsBack, type QuestionCandidate, MAX_CHOICE_CHARACTERS } from './quiz-question.js';
import type { SeededRandom } from '../seeded-random.js';
import type { SentenceUnit } from './sentence-units.js';
import type { Quote } from '../corpus/citation.js';

/** A reason too long for a button is listed under the prompt; past this it no longer reads as one answer. */
const MAX_REASON_CHARACTERS = 120;

export interface ReasonStatement {
  readonly unit: SentenceUnit;
  readonly quote: Quote;
  /** What happened (the part the prompt quotes). */
  readonly outcome: string;
  /** The reason, consequence or purpose: the answer, at document offset `start`. */
  readonly answer: string;
  readonly start: number;
  readonly relation: 'cause' | 'consequence' | 'purpose' | 'enabled';
  /** Who the outcome allowed to act ('enabled' only). */
  readonly who?: string;
}

interface Pattern {
  readonly expression: RegExp;
  readonly relation: ReasonStatement['relation'];
  /** Which group holds the outcome and which the answer. */
  readonly outcome: 'a' | 'b';
}

// Each pattern names groups a and b; the connective sits between or before them.
const PATTERNS: readonly Pattern[] = [
  { expression: /^(?:Because of|Due to|Thanks to|As a result of)\s+(?<b>[^,]{8,}?),\s+(?<a>.{15,}?)[.!]?$/u, relation: 'cause', outcome: 'a' },
  { expression: /^(?<a>.{15,}?),?\s+(?:because(?: of)?|due to|thanks to|as a result of)\s+(?<b>.{8,}?)[.!]?$/u, relation: 'cause', outcome: 'a' },
  { expression: /^(?<a>.{15,}?),?\s+(?:which|that)\s+(?:led to|resulted in|caused)\s+(?<b>.{8,}?)[.!]?$/u, relation: 'consequence', outcome: 'a' },
  { expression: /^(?<a>.{15,}?)\s+(?:led to|resulted in)\s+(?<b>.{8,}?)[.!]?$/u, relation: 'consequence', outcome: 'a' },
  { expression: /^(?<a>.{15,}?)\s+(?:was|were|is|are)\s+designed\s+to\s+(?<b>.{8,}?)[.!]?$/u, relation: 'purpose', outcome: 'a' },
  { expression: /^(?<a>.{15,}?),?\s+(?:aimed at|in order to|so that)\s+(?<b>.{8,}?)[.!]?$/u, relation: 'purpose', outcome: 'a' },
  // "To pay for the extra hours, the company postponed …": a purpose stated first.
  { expression: /^(?<b>To\s+\p{Ll}+\s+[^,]{6,}?),\s+(?<a>.{15,}?)[.!]?$/u, relation: 'purpose', outcome: 'a' },
  // "… has started to use satellite images to detect fields …": what a thing is used for.
  { expression: /^(?<a>.{15,}?\b(?:use|uses|used|using)\s+[^,]{3,50}?)\s+to\s+(?<b>\p{Ll}+\s[^,]{8,}?)[.!]?$/u, relation: 'purpose', outcome: 'a' },
  {
    expression:
      /^(?<a>.{15,}?)\s+(?:has\s+|have\s+|had\s+)?(?:allow|allows|allowed|help|helps|helped|enable|enables|enabled)\s+(?<who>\p{Lu}[\p{L}’'-]*)\s+(?:to\s+)?(?<b>.{8,}?)[.!]?$/u,
    relation: 'enabled',
    outcome: 'a',
  },
];

export function findReasonStatements(unit: SentenceUnit, quote: Quote): ReasonStatement[] {
  const sentence = quote.text;
  const found: ReasonStatement[] = [];
  for (const pattern of PATTERNS) {
    const match = pattern.expression.exec(sentence);
    const a = match?.groups?.['a'];
    const b = match?.groups?.['b'];
    if (match === null || a === undefined || b === undefined) continue;
    // Both sides stop at a dash or bracket: "Due to X—including …—Baku cannot …" is about X and "Baku cannot …".
    let outcome = ((pattern.outcome === 'a' ? a : b).split(/\s*[—–;()]\s*/u).at(-1) ?? '')
      .trim()
      .replace(/,?\s+\p{Ll}+ly$/u, '') // "…fell by 9 percent, mostly because …"
      .replace(/,$/u, '');
    // "According to El País, household consumption fell …": the source is not part of what happened; nor is a
    // connective pointing back ("Because of this, the basin authority …") or who argued it ("Her office argued that …").
    outcome = outcome
      .replace(/^According to [^,]+,\s+/u, '')
      .replace(
        /^(?:(?:because of|as a result of|due to|after|despite)\s+(?:this|that|these|those|it)|as a result|therefore|thus|so|however|yet|still|instead),\s+/iu,
        '',
      );
    const reported = /^[^,]{3,60}?\s(\p{Ll}+)\s+that\s+(?=\S)/u.exec(outcome);
    if (reported !== null && REPORTING_VERBS.has(reported[1] ?? '') && hasSubjectAndVerb(outcome.slice(reported[0].length)))
      outcome = outcome.slice(reported[0].length);
    if (/\b(?:that|which|who|whom|whose)$/u.test(outcome) || outcome.split(/,\s+/u).some(pointsBack)) continue;
    // "…, and direct conflict with Armenia carries high risks due to …": the reason is for the last clause.
    const lastClause = outcome.split(/,\s+(?:and|but)\s+/u).at(-1) ?? outcome;
    if (lastClause !== outcome && hasSubjectAndVerb(lastClause)) outcome = lastClause;
    // A reason explains an event: the outcome must say who did what, not name a thing ("Coupled with sanctions …").
    if (pattern.relation === 'cause' && !hasSubjectAndVerb(outcome)) continue;
    let answer =
      (pattern.outcome === 'a' ? b : a)
        .split(/\s*[—–;()]\s*/u)[0]
        ?.trim()
        .replace(/[,;:]$/u, '') ?? '';
    // A long reason: its first part ("to mobilize domestic public opinion against Russia and to draw …" → up to "and").
    // A cause is a noun phrase: "the Ukraine war to expand influence …" is cut before its "to".
    if (pattern.relation === 'cause' && !/^\p{Lu}/u.test(answer)) answer = answer.split(/\s+to\s+(?=\p{Ll})/u)[0] ?? answer;
    // Not at the comma of a list ("the harbour, the hospital, the old town and …"): that would drop part of the reason.
    if (answer.length > MAX_CHOICE_CHARACTERS) {
      const first = /^.{20,}?(?=,\s|\s+and\s)/u.exec(answer)?.[0];
      const rest = answer.slice(first?.length ?? 0);
      if (first !== undefined && !/^,\s[^,]{1,40}(?:,\s[^,]{1,40})*,?\s+(?:and|or)\s/u.test(rest)) answer = first;
    }
    const offset = sentence.lastIndexOf(answer);
    const negated = /\b(?:not|never|no|neither)\b|n[’']t\b/iu.test(outcome);
    // A personal pronoun opening the answer ("because it links the harbour …") stands for the outcome's subject,
    // which the prompt quotes; a demonstrative ("because of this") points outside the sentence.
    const answerPointsOut = pointsBack(answer) && !/^(?:it|its|they|their|he|his|she|her)\b/iu.test(answer);
    if (offset < 0 || outcome.length < 15 || answer.length < 8 || negated || pointsBack(outcome) || answerPointsOut || answer.length > MAX_REASON_CHARACTERS)
      continue;
    const who = match.groups?.['who'];
    found.push({ unit, quote, outcome, answer, start: quote.start + offset, relation: pattern.relation, ...(who === undefined ? {} : { who }) });
    break;
  }
  return found;
}

export function reasonQuestion(statement: ReasonStatement, others: readonly ReasonStatement[], random: SeededRandom): QuestionCandidate | undefined {
  const { outcome, relation } = statement;
  const prompt =
    relation === 'cause'
      ? `What reason does the text give for this: “${outcome}”?`
      : relation === 'purpose'
        ? `What, according to the text, was this meant to do: “${outcome}”?`
        : relation === 'enabled'
          ? `What, according to the text, does this let ${statement.who ?? 'it'} do: “${outcome}”?`
          : `What does the text say this led to: “${outcome}”?`;
  if (prompt.length > MAX_PROMPT_CHARACTERS) return undefined;
  const distractors = random
    .shuffle(others.filter((other) => other.unit !== statement.unit && other.relation === relation))
    .map((other) => other.answer)
    .filter((answer, index, all) => all.indexOf(answer) === index && !containsPhrase(statement.quote.text, answer))
    .slice(0, 3);
  // Too few reasons of the same kind elsewhere: reasons of another kind still read as reasons.
  if (distractors.length < 2) {
    for (const other of random.shuffle(others.filter((candidate) => candidate.unit !== statement.unit))) {
      if (distractors.length === 3) break;
      if (!distractors.includes(other.answer) && !containsPhrase(statement.quote.text, other.answer)) distractors.push(other.answer);
    }
  }
  if (distractors.length < 2) return undefined;
  return {
    kind: 'why',
    answerKind: 'reason',
    prompt,
    answer: statement.answer,
    answerKey: `reason:${statement.start}`,
    answerStart: statement.start,
    distractors,
    unit: statement.unit,
    quote: statement.quote,
    weight: 2,
  };
}
