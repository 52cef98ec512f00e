import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { findDocument } from '../../src/corpus/find-document.js';
import { openEngine } from '../../src/engine.js';
import type { Engine } from '../../src/engine-types.js';
import type { Answer } from '../../src/answering/types.js';
import { temporaryFolder, testConfig } from '../helpers/test-config.js';
import { twoDocumentCorpus } from '../helpers/two-documents.js';

const corpus = twoDocumentCorpus();
const data = temporaryFolder('document-aware');
let engine: Engine;
const BAKU = 'how-baku-is-playing-with-fire.txt';
const TRAINS = 'night-trains-return.md';

before(async () => {
  engine = await openEngine(testConfig({ FOOTNOTE_CORPUS_DIR: corpus.path, FOOTNOTE_DATA_DIR: data.path }));
});
after(() => {
  corpus.remove();
  data.remove();
});

async function ask(question: string, documentId?: string): Promise<Answer> {
  const outcome = await engine.ask(question, documentId === undefined ? {} : { documentId });
  assert.ok(outcome.ok);
  return outcome.answer;
}

test('GIVEN a Markdown file whose title is a plain first line THEN the document is named by that title, with its date and byline', () => {
  const trains = engine.corpus.documents.find((document) => document.id === TRAINS);
  assert.equal(trains?.title, "Night trains return to Europe's rails");
  assert.equal(trains?.author, 'Clara Voss');
  assert.equal(trains?.date, '2024-03-12');
});

test('GIVEN two documents WHEN a metadata question names one THEN the answer is that document’s fact, quoted from its header', async () => {
  const author = await ask('Who wrote the night train article?');
  assert.match(author.answer, /Clara Voss/u);
  assert.doesNotMatch(author.answer, /Tabrizi/u);
  assert.equal(author.quotes[0]?.documentId, TRAINS);
  const date = await ask('When was the article about night trains published?');
  assert.match(date.answer, /12 March 2024/u);
  const baku = await ask('Who wrote the article about Baku?');
  assert.match(baku.answer, /Mehdi Seyf Tabrizi/u);
  assert.doesNotMatch(baku.answer, /Clara/u);
});

test('GIVEN two documents WHEN a metadata question names neither THEN each document’s fact is given with its title', async () => {
  const answer = await ask('Who wrote the article?');
  assert.match(answer.answer, /Clara Voss/u);
  assert.match(answer.answer, /Mehdi Seyf Tabrizi/u);
  assert.match(answer.answer, /“Night trains/u);
  assert.deepEqual(new Set(answer.quotes.map((quote) => quote.documentId)), new Set([BAKU, TRAINS]));
});

test('GIVEN a name found only in a byline WHEN asked who that is THEN the answer says whose article it wrote', async () => {
  const answer = await ask('Who is Clara Voss?');
  assert.equal(answer.abstained, false);
  assert.match(answer.answer, /Clara Voss wrote “Night trains/u);
});

test('GIVEN a document option THEN every quote and passage comes from that document', async () => {
  const answer = await ask('When did the service between Berlin and Brussels start?', TRAINS);
  assert.equal(answer.abstained, false);
  assert.match(answer.answer, /December 2023/u);
  for (const cited of [...answer.quotes, ...answer.passages]) assert.equal(cited.documentId, TRAINS);
  const elsewhere = await ask('Why did Baku close the Russian House?', TRAINS);
  assert.equal(elsewhere.abstained, true);
  for (const passage of elsewhere.passages) assert.equal(passage.documentId, TRAINS);
  const searched = await engine.search('outlook', 5, { documentId: BAKU });
  assert.ok(searched.length > 0);
  for (const passage of searched) assert.equal(passage.documentId, BAKU);
});

test('GIVEN what a user types for a document THEN a unique part of the title picks it and an ambiguous one is reported', () => {
  const trains = findDocument(engine.corpus, 'night');
  assert.ok(trains.ok && trains.document.id === TRAINS);
  const baku = findDocument(engine.corpus, 'playing with FIRE');
  assert.ok(baku.ok && baku.document.id === BAKU);
  const both = findDocument(engine.corpus, 'r');
  assert.ok(!both.ok && both.problem.kind === 'ambiguous-document');
  assert.match(both.problem.message, /Night trains.*How Baku|How Baku.*Night trains/u);
  const none = findDocument(engine.corpus, 'moon landing');
  assert.ok(!none.ok && none.problem.kind === 'unknown-document');
});

test('GIVEN the article in a library WHEN asked about it, with or without the document option THEN the answers are those of the article alone', async () => {
  const data = temporaryFolder('article-alone');
  const alone = await openEngine(testConfig({ FOOTNOTE_DATA_DIR: data.path }));
  try {
    for (const question of [
      'Why did Baku close the Russian House?',
      'How did Russia react to the arrests in Yekaterinburg?',
      'What did Putin apologise for?',
    ]) {
      const expected = await alone.ask(question);
      assert.ok(expected.ok);
      for (const documentId of [undefined, BAKU]) {
        const answer = await ask(question, documentId);
        assert.equal(answer.answer, expected.answer.answer, `${question} (${documentId ?? 'the library'})`);
        assert.deepEqual(
          answer.quotes.map((quote) => quote.text),
          expected.answer.quotes.map((quote) => quote.text),
        );
      }
    }
  } finally {
    data.remove();
  }
});
