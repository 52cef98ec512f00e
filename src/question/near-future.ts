/**
 * "what's the weather like tomorrow", "is there a match on friday", "what's on tonight": a question about the
 * asker's own coming days. A text a group reads was written before them, so it cannot answer — unless it uses
 * the same words itself ("tomorrow" in a quoted speech), which the caller checks. Read by chrono-node, counted
 * from the asker's today; only a question in which wink-nlp's model sees a date or a time reaches chrono.
 */
import { chronoReadings } from '../language/chrono-readings.js';
import { isTimeWord, tagWords } from '../language/part-of-speech.js';

/**
 * Days after today that count as the asker's coming days ("tomorrow" to "next week"). Today itself does not:
 * "what is it called today" asks what is so nowadays, which a text may well say; tonight does.
 */
const COMING_DAYS = 8;
const TONIGHT = /^(?:tonight|this evening)$/iu;
const DAY_MS = 86_400_000;

/** The words of the question that name a day from tomorrow to a week ahead ("tomorrow", "on friday"), if any. */
export function nearFutureWords(question: string, today: Date = new Date()): string | undefined {
  if (!tagWords(question).some(isTimeWord)) return undefined;
  const day = today.toISOString().slice(0, 10);
  const start = Date.parse(`${day}T00:00:00Z`);
  for (const reading of chronoReadings(question, day)) {
    if (reading.day === undefined) continue;
    const ahead = (Date.parse(`${reading.day}T00:00:00Z`) - start) / DAY_MS;
    // "tonight" and "this evening" are the asker's own coming hours, unlike "today" ("what is it known as today").
    const coming = (ahead >= 1 && ahead <= COMING_DAYS) || (ahead === 0 && TONIGHT.test(reading.text));
    if (coming && !/\d/u.test(reading.text)) return reading.text.replace(/^(?:on|at|in|by)\s+/iu, '');
  }
  return undefined;
}
