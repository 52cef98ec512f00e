import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './test-config.js';

/**
 * What node runs to start `footnote`: under `npm test`, src/ transpiled once at the start of the run
 * (scripts/test-build.ts; a tsx start costs each process 1–2 s of CPU), else src/cli/main.ts through tsx.
 */
export function footnoteCommand(): string[] {
  return scriptCommand(path.join(projectRoot, 'src/cli/main.ts'));
}

/**
 * What node runs to start `script` (a .ts file of src/ or of a tests/<folder>/fixtures/ folder) as a process:
 * under `npm test` its transpiled copy (FOOTNOTE_TEST_BUILD, scripts/test-build.ts), else the file through tsx.
 */
export function scriptCommand(script: string): string[] {
  const built = process.env['FOOTNOTE_TEST_BUILD'];
  if (built === undefined || built === '') return ['--import', import.meta.resolve('tsx'), script];
  const transpiled = path.join(built, path.relative(projectRoot, script)).replace(/\.ts$/u, '.js');
  if (!existsSync(transpiled)) throw new Error(`FOOTNOTE_TEST_BUILD has no ${transpiled}: run the tests with npm test`);
  return [transpiled];
}
