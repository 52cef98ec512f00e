/**
 * The layers of src/ are written down once, in eslint.config.js (where `npm run lint` enforces them); the
 * README's table of allowed imports must say the same.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
// @ts-expect-error -- eslint.config.js is plain JavaScript without declarations.
import { layers } from '../eslint.config.js';

test('GIVEN the layers the linter enforces THEN the README lists the same allowed imports for every folder', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const table = readme.slice(readme.indexOf('<!-- layers:start -->'), readme.indexOf('<!-- layers:end -->'));
  const rows = [...table.matchAll(/^\| `([\w-]+)` \| (.*) \|$/gmu)].map(([, folder, allowed]) => [
    folder,
    (allowed ?? '')
      .split(',')
      .map((name) => name.trim().replace(/`/gu, ''))
      .filter((name) => name !== '' && name !== '—'),
  ]);
  assert.ok(rows.length > 10, 'the README has the table between <!-- layers:start --> and <!-- layers:end -->');
  assert.deepEqual(Object.fromEntries(rows), layers);
});
