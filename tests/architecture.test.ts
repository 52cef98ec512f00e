/**
 * The layers of src/ are written down once, in eslint.config.js (where `npm run lint` enforces them); the
 * README's table of allowed imports must say the same.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
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

test('GIVEN the folders of src/ THEN each is a layer the linter knows and has its line in the README layout', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const architecture = readme.slice(readme.indexOf('## Architecture'), readme.indexOf('<!-- layers:start -->'));
  const folders = readdirSync(new URL('../src/', import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  assert.ok(folders.length > 10);
  for (const folder of folders) {
    assert.ok(folder in layers, `src/${folder}/ is missing from the layers in eslint.config.js`);
    assert.match(architecture, new RegExp(`^ {2}(?:\\S+/ )*${folder}/ `, 'mu'), `src/${folder}/ is missing from the README's layout`);
  }
});

test('GIVEN the files of src/ THEN none is over 300 lines', () => {
  const source = new URL('../src/', import.meta.url);
  const lengths = readdirSync(source, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => ({ name, lines: readFileSync(new URL(name, source), 'utf8').split('\n').length - 1 }));
  assert.ok(lengths.length > 100);
  assert.deepEqual(
    lengths.filter((file) => file.lines > 300),
    [],
    'split a long file by what its parts do (issue #11: no file over 300 lines)',
  );
});
