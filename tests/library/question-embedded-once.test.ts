/**
 * A library question is embedded once (issue #13): choosing its document and answering from that document used
 * to ask the embedding server for the same question's vector two or three times. The real @langchain/openai
 * client talks to the fake OpenAI server, which records every input it embeds.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openEngine } from '../../src/engine.js';
import { startFakeOpenAi } from '../fakes/fake-openai.js';
import { temporaryFolder, testConfig } from '../helpers/test-config.js';
import { twoDocumentCorpus } from '../helpers/two-documents.js';

test('GIVEN a library of two documents and an embedding server WHEN questions are asked THEN each is embedded once and answered from its document', async (t) => {
  const corpus = twoDocumentCorpus();
  const data = temporaryFolder('embedded-once');
  const fake = await startFakeOpenAi({ dimensions: 12 });
  t.after(async () => {
    await fake.close();
    corpus.remove();
    data.remove();
  });
  const config = testConfig({
    FOOTNOTE_CORPUS_DIR: corpus.path,
    FOOTNOTE_DATA_DIR: data.path,
    OPENAI_BASE_URL: fake.baseUrl,
    EMBEDDING_MODEL: 'nomic-embed-text',
  });
  const engine = await openEngine(config);
  const questions = [
    { question: 'Why did Baku close the Russian House?', document: 'how-baku-is-playing-with-fire.txt' },
    { question: 'Which company started a Brussels to Prague service?', document: 'night-trains-return.md' },
    { question: 'What did the article say about trains and Baku?', document: undefined },
  ];
  for (const { question, document } of questions) {
    const outcome = await engine.ask(question);
    assert.ok(outcome.ok);
    if (document !== undefined) assert.equal(outcome.answer.quotes[0]?.documentId, document, outcome.answer.answer);
    const embedded = fake
      .embeddingInputs()
      .flat()
      .filter((input) => input === question);
    assert.equal(embedded.length, 1, `${question}: embedded ${embedded.length} times`);
  }
});
