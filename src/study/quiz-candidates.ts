/** Every question the text allows, of every kind, for the quiz maker to choose from. */
import type { Corpus } from '../corpus/types.js';
import { seededRandom, type SeededRandom } from '../seeded-random.js';
import { entityFillIn, roleQuestion, whoSaidQuestion } from './entity-questions.js';
import { findNumbers } from '../language/number-expressions.js';
import { numberFillIn } from './number-questions.js';
import { orderQuestions } from './order-questions.js';
import type { QuestionCandidate } from './quiz-question.js';
import { findReasonStatements, reasonQuestion, type ReasonStatement } from './reason-questions.js';
import { recogniseEntities } from './recognise-entities.js';
import { sentenceUnits, type SentenceUnit } from './sentence-units.js';
import { statementQuestion } from './statement-questions.js';
import { quoteSentence, type Quote } from '../corpus/citation.js';

export function questionCandidates(corpus: Corpus, units: readonly SentenceUnit[], seed: string): QuestionCandidate[] {
  const inScope = new Set(units);
  const entities = recogniseEntities(corpus);
  const allUnits = sentenceUnits(corpus);
  const corpusNumbers = allUnits.flatMap((unit) => findNumbers(unit.sentence.text));
  const candidates: QuestionCandidate[] = [];
  const randomFor = (key: string | number): SeededRandom => seededRandom(`${seed}|distractors|${key}`);
  const quoteOf = (unit: SentenceUnit): Quote | undefined => quoteSentence(unit.document, unit.paragraph, unit.sentence);
  const add = (candidate: QuestionCandidate | undefined): void => {
    if (candidate !== undefined) candidates.push(candidate);
  };

  for (const entity of entities) {
    for (const mention of entity.mentions) {
      if (!inScope.has(mention.unit)) continue;
      const quote = quoteOf(mention.unit);
      if (quote === undefined) continue;
      const at = { entity, mention, quote, entities };
      add(entityFillIn({ ...at, random: randomFor(mention.start) }));
      add(whoSaidQuestion({ ...at, random: randomFor(`said${mention.start}`) }));
    }
    const role = entity.role;
    if (role !== undefined && inScope.has(role.unit)) {
      const quote = quoteOf(role.unit);
      if (quote !== undefined) add(roleQuestion(entity, quote, entities, randomFor(`role${role.start}`)));
    }
  }

  // Reasons are looked for in the whole text, so a section's question still has reasons from elsewhere as wrong choices.
  const reasons: ReasonStatement[] = allUnits.flatMap((unit) => {
    const quote = quoteOf(unit);
    return quote === undefined ? [] : findReasonStatements(unit, quote);
  });
  for (const statement of reasons) if (inScope.has(statement.unit)) add(reasonQuestion(statement, reasons, randomFor(`why${statement.start}`)));

  for (const unit of units) {
    const quote = quoteOf(unit);
    if (quote === undefined) continue;
    for (const number of findNumbers(unit.sentence.text)) add(numberFillIn(unit, number, quote, corpusNumbers, randomFor(unit.sentence.start + number.start)));
    add(statementQuestion(unit, quote, entities, randomFor(`says${unit.sentence.start}`)));
  }
  candidates.push(...orderQuestions(corpus, inScope, randomFor('order')));
  return candidates;
}
