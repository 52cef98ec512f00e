/**
 * Loaded into every test file's process by `npm test` (`--import`): at exit it appends the file's wall time to
 * the run's log (FOOTNOTE_TEST_DURATIONS_LOG), which the runner folds into the record of durations. Any other
 * process that loads it (the runner itself, a worker thread) records nothing.
 */
import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const log = process.env['FOOTNOTE_TEST_DURATIONS_LOG'];
const file = process.argv[1];

if (log !== undefined && isMainThread && file?.endsWith('.test.ts') === true) {
  process.on('exit', () => {
    try {
      appendFileSync(log, `${JSON.stringify({ file, ms: Math.round(performance.now()) })}\n`);
    } catch {
      // A lost figure only costs the next run its order.
    }
  });
}
