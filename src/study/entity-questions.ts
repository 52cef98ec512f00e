/**
 * Questions whose answer is a name: a name blanked out of the clause that holds it, "who does the text
 * describe as …", and "who said / reported …". Wrong choices are names of the same group (a country for a
 * country, a cited source for a source) used the same way (with "the" or without), never named in the
 * quote or the prompt.
 */
import { containsPhrase, entityChoice, pickDistractors, rankEntities } from './distractors.js';
import { REPORTING_VERBS } from './entity-cues.js';
import { blankPrompt, givesAway, MAX_PROMPT_CHARACTERS, MINIMUM_DISTRACTORS, occurrences, pointsBack, type QuestionCandidate } from './quiz-question.js';
import type { Entity, SentenceSpan } from './recognise-entities.js';
import type { SeededRandom } from '../seeded-random.js';
import type { Quote } from '../corpus/citation.js';

/** A name the text repeats this often is a giveaway as an answer ("Baku", "Moscow"). */
const MOST_MENTIONS_FOR_AN_ANSWER = 12;

/** Whether the text writes the entity after "the" ("the South Caucasus", "the Kremlin") in most mentions. */
function takesArticle(entity: Entity): boolean {
  if (/^The\s/u.test(entity.name)) return true;
  const withArticle = entity.mentions.filter((mention) => /\bthe\s+$/iu.test(mention.unit.document.text.slice(Math.max(0, mention.start - 5), mention.start)));
  return withArticle.length * 2 > entity.mentions.length;
}

/** Look-alikes of the answer: the same group, the same use of "the", in the answer's form (a surname for a surname). */
function lookAlikes(entity: Entity, mention: SentenceSpan, entities: readonly Entity[], random: SeededRandom, dropArticle: boolean): string[] {
  const surname = entity.kind === 'person' && !mention.text.includes(' ') && entity.name.includes(' ');
  const article = takesArticle(entity);
  return rankEntities({ answer: entity, entities, nearPosition: mention.unit.position, random })
    .filter((other) => other.group === entity.group && (entity.kind !== 'place' || takesArticle(other) === article))
    .map((other) => entityChoice(other, surname ? 'surname' : 'full', dropArticle));
}

function fairDistractors(answer: string, quote: Quote, prompt: string, ranked: readonly string[]): string[] {
  return pickDistractors({ answer, quoteText: quote.text, ranked: ranked.filter((choice) => !givesAway(prompt, choice)) });
}

/** A name as one sentence mentions it, with the text's other names to draw wrong choices from. */
export interface NameMention {
  readonly entity: Entity;
  readonly mention: SentenceSpan;
  readonly quote: Quote;
  readonly entities: readonly Entity[];
  readonly random: SeededRandom;
}

/**
 * The one way every question here is finished: a prompt that fits and does not give the answer away,
 * enough look-alike names as wrong choices, and the answer as the mention's own words.
 */
function nameQuestion(
  options: NameMention & { kind: QuestionCandidate['kind']; unit: SentenceSpan['unit']; prompt: string; dropArticle: boolean; weight: number },
): QuestionCandidate | undefined {
  const { entity, mention, quote, prompt } = options;
  if (prompt.length > MAX_PROMPT_CHARACTERS || givesAway(prompt, mention.text)) return undefined;
  const distractors = fairDistractors(mention.text, quote, prompt, lookAlikes(entity, mention, options.entities, options.random, options.dropArticle));
  if (distractors.length < MINIMUM_DISTRACTORS) return undefined;
  return {
    kind: options.kind,
    answerKind: entity.kind,
    prompt,
    answer: mention.text,
    answerKey: `entity:${entity.key}`,
    answerStart: mention.start,
    distractors,
    unit: options.unit,
    quote,
    weight: options.weight,
  };
}

export function entityFillIn(at: NameMention): QuestionCandidate | undefined {
  const { entity, mention, quote } = at;
  if (entity.mentions.length > MOST_MENTIONS_FOR_AN_ANSWER) return undefined;
  const sameSentence = entity.mentions.filter((other) => other.unit === mention.unit);
  if (sameSentence.length > 1 || occurrences(quote.text, mention.text) !== 1) return undefined;
  const prompt = blankPrompt(quote, mention.start, mention.end);
  if (prompt === undefined) return undefined;
  // "the _____": a choice must not bring its own "The".
  const dropArticle = /\bthe\s+$/iu.test(quote.text.slice(0, mention.start - quote.start));
  const kindWeight = entity.kind === 'person' ? 1.2 : entity.kind === 'organisation' ? 1.1 : 0.8;
  const weight = kindWeight / Math.sqrt(entity.mentions.length);
  return nameQuestion({ ...at, kind: 'fill-in', unit: mention.unit, prompt, dropArticle, weight });
}

/** "Who does the text describe as “Kremlin Spokesperson”?" */
export function roleQuestion(entity: Entity, quote: Quote, entities: readonly Entity[], random: SeededRandom): QuestionCandidate | undefined {
  const role = entity.role;
  if (entity.kind === 'place' || role === undefined) return undefined;
  const mention = entity.mentions
    .filter((candidate) => candidate.unit === role.unit)
    .sort((first, second) => distanceBetween(first, role) - distanceBetween(second, role))[0];
  if (mention === undefined || containsPhrase(role.text, mention.text) || pointsBack(role.text)) return undefined;
  const prompt =
    entity.kind === 'person'
      ? /^who\s/iu.test(role.text)
        ? `Who ${role.text.slice(4)}, according to the text?`
        : `Who does the text describe as “${role.text}”?`
      : `Which organisation does the text describe as the “${role.text}”?`;
  return nameQuestion({ kind: 'who-is', entity, mention, unit: role.unit, quote, prompt, entities, random, dropArticle: false, weight: 1.5 });
}

function distanceBetween(first: SentenceSpan, second: SentenceSpan): number {
  return first.end <= second.start ? second.start - first.end : first.start - second.end;
}

/** How a question asks for this entity: "Which source", "Who" or "Which organisation". */
function whoAsks(entity: Entity): string {
  return entity.group === 'source' ? 'Which source' : entity.kind === 'person' ? 'Who' : 'Which organisation';
}

/** "According to Al Jazeera, …", "Euronews reported that …", "… Dmitry Peskov described the call as …" → "Who …?" */
export function whoSaidQuestion(at: NameMention): QuestionCandidate | undefined {
  const { entity, mention, quote } = at;
  if (entity.kind === 'place') return undefined;
  const sentence = quote.text;
  const before = sentence.slice(0, mention.start - quote.start);
  const after = sentence.slice(mention.end - quote.start);
  let prompt: string | undefined;
  const according = /(?:^|[,;—]\s*)According to\s+(?:the\s+)?(?:\p{Lu}\p{Ll}+\s+)?$/u.test(before) ? /^[^,]*,\s+(.+?)[.!]?$/su.exec(after)?.[1] : undefined;
  if (according !== undefined && !pointsBack(according)) {
    prompt = `${whoAsks(entity)} does the text cite for this: “${according}”?`;
  } else {
    const said = /^\s+(\p{Ll}+)\s+(.+?)[.!]?$/su.exec(after);
    const verb = said?.[1] ?? '';
    const rest = said?.[2] ?? '';
    // The speaker must open its clause: the start of the sentence, or after a comma, "while" or "and".
    const opensClause = before.trim() === '' || /(?:,|\bwhile|\band)\s+(?:[\p{Lu}][\p{L}-]*\s+){0,4}$/u.test(before);
    if (
      (REPORTING_VERBS.has(verb) || /^(?:described|called|accused|asserted|announced|demanded|insisted|denied)$/u.test(verb)) &&
      opensClause &&
      !pointsBack(rest)
    ) {
      prompt = `${whoAsks(entity)} ${verb} ${rest.replace(/[,;:]\s*$/u, '')}?`;
    }
  }
  if (prompt === undefined) return undefined;
  return nameQuestion({ ...at, kind: 'who-said', unit: mention.unit, prompt, dropArticle: false, weight: 1.5 });
}
