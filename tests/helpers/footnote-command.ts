import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './test-config.js';

/**
 * What node runs to start `footnote`: under `npm test`, src/ transpiled once at the start of the run
 * (scripts/test-build.ts; a tsx start costs each process 1–2 s of CPU), else src/cli/main.ts through tsx.
 */
export function footnoteCommand(): string[] {
  const built = process.env['FOOTNOTE_TEST_MAIN'];
  if (built === undefined || built === '') return ['--import', import.meta.resolve('tsx'), path.join(projectRoot, 'src/cli/main.ts')];
  if (!existsSync(built)) throw new Error(`FOOTNOTE_TEST_MAIN names ${built}, which does not exist: run the tests with npm test`);
  return [built];
}
