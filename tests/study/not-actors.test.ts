import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { whosWho } from '../../src/study/whos-who.js';

// Invented names, none of them in the texts the recogniser was tuned on: programmes, shows, call signs,
// numbered routes and adjectives of origin are named like actors but are no one to list.
const ARTICLE = `How a small broadcaster won the night
3 June 2021
By Tomas Okonkwo

Project Kestova was launched by the Nordvik Broadcasting Company in 2019. The Kestova program paid for new studios, and the Kestova missions abroad found new partners.
The station became known for such dramas as Marlow Quint, Dray Hollis and Quicksilver, and for its news at midnight.
It bought three licences: KXVN-TV in Tallinn, WQRB-TV in Riga and KLMT-TV in Vilnius.
The Irish broadcaster Orla Media and a Mediterranean investor, Sandro Velluti, joined in 2020. Velluti said the deal would last.
Buses on Route 9 now stop at the studios in Tallinn.
`;

let folder: string;
let entries: Map<string, string>;
before(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'footnote-not-actors-'));
  await writeFile(path.join(folder, 'night.txt'), ARTICLE, 'utf8');
  const corpus = (await loadCorpus(folder)).corpus;
  entries = new Map(whosWho(corpus).entities.map((entry) => [entry.name, entry.kind]));
});
after(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('who’s who leaves out what is named like an actor but is none', () => {
  test('GIVEN a programme (“Project Kestova”, “the Kestova program”) THEN it is not listed', () => {
    for (const name of ['Project Kestova', 'Kestova']) assert.equal(entries.has(name), false, `${name}: ${[...entries.keys()].join(', ')}`);
  });

  test('GIVEN shows listed after “such dramas as” THEN none of them is a person', () => {
    for (const name of ['Marlow Quint', 'Dray Hollis', 'Quicksilver']) assert.equal(entries.has(name), false, name);
  });

  test('GIVEN call signs “KXVN-TV in Tallinn” THEN they are organisations, not places', () => {
    for (const name of ['KXVN-TV', 'WQRB-TV', 'KLMT-TV']) assert.equal(entries.get(name) ?? 'organisation', 'organisation', name);
    assert.equal(entries.get('Tallinn'), 'place');
  });

  test('GIVEN “the Irish broadcaster”, “a Mediterranean investor” and “Route 9” THEN no Irish, Mediterranean or Route; the people and companies stay', () => {
    for (const name of ['Irish', 'Mediterranean', 'Route']) assert.equal(entries.has(name), false, name);
    assert.equal(entries.get('Sandro Velluti'), 'person');
    assert.equal(entries.get('Nordvik Broadcasting Company'), 'organisation');
    assert.equal(entries.get('Tomas Okonkwo'), 'person');
  });
});
