import assert from 'node:assert/strict';
import { copyFileSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadWordVectors, WORD_VECTORS_FILE } from '../../src/embeddings/word-vectors.js';
import { sharedModelDir, temporaryFolder } from '../helpers/test-config.js';

test('GIVEN the converted vectors loaded twice in one process THEN one copy is shared; GIVEN the file changed since THEN it is read again', (t) => {
  const folder = temporaryFolder('word-vectors');
  t.after(() => folder.remove());
  const file = path.join(folder.path, WORD_VECTORS_FILE);
  copyFileSync(path.join(sharedModelDir, WORD_VECTORS_FILE), file);
  const conversions: string[] = [];
  const load = () => loadWordVectors({ modelDir: folder.path, onConvert: (message) => conversions.push(message) });

  const first = load();
  assert.equal(load(), first, 'the second load is the first copy');
  assert.equal(loadWordVectors({ modelDir: path.relative(process.cwd(), folder.path) }), first, 'whatever the spelling of the folder');
  assert.ok(first.has('baku') && first.similarity('war', 'conflict')! > 0.3);

  const later = new Date(Date.now() + 60_000);
  utimesSync(file, later, later);
  const reread = load();
  assert.notEqual(reread, first, 'a file written since is read again');
  assert.equal(reread.rank('the'), first.rank('the'));
  assert.deepEqual(conversions, [], 'nothing was converted');
});
