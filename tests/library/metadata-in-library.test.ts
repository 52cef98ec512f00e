/**
 * Questions about a document's facts in a library (issue #13). "When was the Fourth Assessment Report
 * published?" is about a report inside one text, not the dateline of the only text that has one: it is
 * answered from the text it is about, as that text alone answers it. "Who wrote the article?" still gives each
 * document's byline. The real article beside a second text without a byline, on the real engine.
 */
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { openEngine } from '../../src/engine.js';
import type { Engine } from '../../src/engine-types.js';
import type { Answer } from '../../src/answering/types.js';
import { articleFile, temporaryFolder, testConfig } from '../helpers/test-config.js';

const CLIMATE = `Climate assessments

The panel's Fourth Assessment Report was published in 2007 and concluded that warming of the climate system is unequivocal.

Its Third Assessment Report, published in 2001, had featured a graph of temperatures over the last thousand years, based on a paper by Michael Mann and his colleagues.

Henry Cole wrote the essay on sea ice in 2009, after two summers on the Arctic coast.
`;
const BAKU = path.basename(articleFile);
const CLIMATE_ID = 'climate-assessments.md';

const corpus = temporaryFolder('metadata-library');
const data = temporaryFolder('metadata-library-data');
let library: Engine;
let alone: Engine;

before(async () => {
  copyFileSync(articleFile, path.join(corpus.path, BAKU));
  writeFileSync(path.join(corpus.path, CLIMATE_ID), CLIMATE);
  library = await openEngine(testConfig({ FOOTNOTE_CORPUS_DIR: corpus.path, FOOTNOTE_DATA_DIR: data.path }));
});
after(() => {
  corpus.remove();
  data.remove();
});

async function ask(engine: Engine, question: string): Promise<Answer> {
  const outcome = await engine.ask(question);
  assert.ok(outcome.ok);
  return outcome.answer;
}

test('GIVEN a library WHEN a question about a publication names something in one text THEN that text answers it, not another text’s dateline', async () => {
  for (const [question, expected] of [
    ['When was the Fourth Assessment Report published?', /published in 2007/u],
    ['Who wrote the essay on sea ice?', /Henry Cole/u],
    ['Who wrote the paper the thousand-year temperature graph was based on?', /Michael Mann/u],
  ] as const) {
    const answer = await ask(library, question);
    assert.equal(answer.abstained, false, `${question} → ${answer.answer}`);
    assert.match(answer.answer, expected, question);
    assert.doesNotMatch(answer.answer, /Tabrizi|25 July 2025/u, question);
    assert.equal(answer.quotes[0]?.documentId, CLIMATE_ID, question);
  }
});

test('GIVEN a library WHEN a question asks only about "the article" THEN the text with a byline or dateline gives it, with its title', async () => {
  const author = await ask(library, 'Who wrote the article?');
  assert.match(author.answer, /Mehdi Seyf Tabrizi/u);
  assert.match(author.answer, /“How Baku/u);
  const date = await ask(library, 'When was it published?');
  assert.match(date.answer, /25 July 2025/u);
  assert.equal(date.quotes[0]?.documentId, BAKU);
});

test('GIVEN the second text alone WHEN the same questions are asked THEN its answers are the library’s', async (t) => {
  const own = temporaryFolder('metadata-alone');
  const ownData = temporaryFolder('metadata-alone-data');
  t.after(() => {
    own.remove();
    ownData.remove();
  });
  writeFileSync(path.join(own.path, CLIMATE_ID), CLIMATE);
  alone = await openEngine(testConfig({ FOOTNOTE_CORPUS_DIR: own.path, FOOTNOTE_DATA_DIR: ownData.path }));
  for (const question of ['When was the Fourth Assessment Report published?', 'Who wrote the essay on sea ice?']) {
    const [inLibrary, byItself] = [await ask(library, question), await ask(alone, question)];
    assert.equal(inLibrary.answer, byItself.answer, question);
    assert.deepEqual(
      inLibrary.quotes.map((quote) => [quote.start, quote.end]),
      byItself.quotes.map((quote) => [quote.start, quote.end]),
      question,
    );
  }
});
