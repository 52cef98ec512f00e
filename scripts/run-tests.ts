/**
 * `npm test`: runs every tests/**\/*.test.ts file with node's own test runner (Node 20 has no glob for .ts files).
 * Extra arguments are passed through, e.g. `npm test -- --test-name-pattern=offsets`.
 * A file path argument (tests/...) narrows the run to those files.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function findTests(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) return name === 'fixtures' ? [] : findTests(full);
      return name.endsWith('.test.ts') ? [full] : [];
    });
}

const passThrough = process.argv.slice(2);
const named = passThrough.filter((argument) => argument.endsWith('.test.ts'));
const flags = passThrough.filter((argument) => !argument.endsWith('.test.ts'));
const files = named.length > 0 ? named : findTests('tests');

const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=300000', ...flags, ...files], {
  stdio: 'inherit',
  env: { ...process.env, FOOTNOTE_TEST: '1' },
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
