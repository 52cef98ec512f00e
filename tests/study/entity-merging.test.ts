import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import type { Corpus } from '../../src/corpus/types.js';
import { initialsOf, spellingVariants } from '../../src/study/entity-merging.js';
import { whosWho } from '../../src/study/whos-who.js';

// A text made up for the test: none of its names is in any list in src/.
const ARTICLE = `Rail firms brace for a cold winter
3 February 2025
By Jana Kowalski

In December, the operator Nordbahn Holdings said its trains would run on Sundays. Nordbahn Holdings Ltd reported a loss in May.
The Federal Railway Office (FRO) fined the company, and the FRO said it would appeal. Peter Lindqvist, the chief executive, said the firm would pay.
Lindqvist later met officials in Hamburg, Bremen and Kiel. The Federal Railway Ofice had warned the firm in January.
`;

let folder: string;
let corpus: Corpus;
before(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'footnote-merging-'));
  await writeFile(path.join(folder, 'rail.txt'), ARTICLE, 'utf8');
  corpus = (await loadCorpus(folder)).corpus;
});
after(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('one entry per name however the text writes it', () => {
  test('GIVEN names and their initials THEN the initials skip the small words', () => {
    assert.equal(initialsOf('Radio Corporation of America'), 'RCA');
    assert.equal(initialsOf('Federal Railway Office'), 'FRO');
  });

  test('GIVEN two keys a letter apart THEN they are variants; a number or a short name apart THEN they are not', () => {
    assert.equal(spellingVariants('zelenskyy', 'zelensky'), true);
    assert.equal(spellingVariants('line 4', 'line 5'), false);
    assert.equal(spellingVariants('iran', 'iraq'), false);
    assert.equal(spellingVariants('nordbahn', 'nordbahn holdings'), false);
  });

  test('GIVEN an acronym, a legal suffix and a misspelling THEN each organisation is listed once; dates are no one', () => {
    const entries = whosWho(corpus).entities;
    const names = entries.map((entry) => entry.name);
    const office = entries.filter((entry) => /Federal Railway|FRO/u.test(entry.name));
    assert.deepEqual(
      office.map((entry) => [entry.name, entry.kind]),
      [['Federal Railway Office', 'organisation']],
      names.join(', '),
    );
    assert.ok(office[0]?.aliases.includes('FRO'));
    const company = entries.filter((entry) => entry.name.startsWith('Nordbahn'));
    assert.deepEqual(
      company.map((entry) => [entry.name, entry.kind]),
      [['Nordbahn Holdings Ltd', 'organisation']],
      names.join(', '),
    );
    assert.equal(entries.find((entry) => entry.name === 'Peter Lindqvist')?.kind, 'person', names.join(', '));
    for (const place of ['Hamburg', 'Bremen', 'Kiel'])
      assert.equal(entries.find((entry) => entry.name === place)?.kind, 'place', `${place}: ${names.join(', ')}`);
    for (const date of ['December', 'May', 'Sundays', 'January']) assert.ok(!names.includes(date), `${date} is listed`);
  });
});
