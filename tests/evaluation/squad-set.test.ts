import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readSquadFile } from '../../src/evaluation/squad-set.js';

const tinySquad = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'tiny-squad.json');

test('GIVEN a SQuAD-layout file THEN one document per article: title line, then paragraphs separated by blank lines', async () => {
  const articles = await readSquadFile(tinySquad);
  assert.deepEqual(
    articles.map((article) => [article.title, article.fileName]),
    [
      ['Glass harbour', 'Glass-harbour.md'],
      ['Copper kettle', 'Copper-kettle.md'],
    ],
  );
  assert.equal(
    articles[0]?.text,
    '# Glass harbour\n\nGlass Harbour is a fishing town on the northern coast. Its lighthouse was painted red and white in 1910.\n\nThe harbour freezes in hard winters. Boats then stay in the sheds until March.\n',
  );
  const impossible = articles[0]?.items.find((item) => item.id === 'g4');
  assert.deepEqual(impossible, { id: 'g4', turns: ['When did the harbour first freeze?'], evidence: [], answerable: false, group: 'Glass harbour' });
});

test('GIVEN --limit and a seed THEN the same questions are drawn every time, in reading order, and another seed draws others', async () => {
  const first = await readSquadFile(tinySquad, { limit: 2, seed: 'one' });
  const again = await readSquadFile(tinySquad, { limit: 2, seed: 'one' });
  const ids = (articles: Awaited<ReturnType<typeof readSquadFile>>) => articles.map((article) => article.items.map((item) => item.id));
  assert.deepEqual(ids(first), ids(again));
  assert.equal(first[0]?.items.length, 2);
  const order = ['g1', 'g2', 'g3', 'g4'];
  const drawn = ids(first)[0] ?? [];
  assert.deepEqual(
    drawn,
    [...drawn].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
  );
  const seeds = ['one', 'two', 'three', 'four', 'five', 'six'];
  const draws = new Set(await Promise.all(seeds.map(async (seed) => JSON.stringify(ids(await readSquadFile(tinySquad, { limit: 2, seed }))[0]))));
  assert.ok(draws.size > 1, 'different seeds draw different questions');
  const oneArticle = await readSquadFile(tinySquad, { articles: 1, seed: 'one' });
  assert.equal(oneArticle.length, 1);
});
