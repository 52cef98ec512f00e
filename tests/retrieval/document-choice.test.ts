/**
 * Which document of a library a question is about (retrieval/document-choice.ts): query likelihood over each
 * document's words, smoothed towards the corpus, then BM25 over whole documents when the likelihood is unsure. Checked on the real article beside a second real text, with
 * the real lexical index and stemmer.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chunkCorpus } from '../../src/chunking/chunk-corpus.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { parseDocument } from '../../src/corpus/parse-document.js';
import { stemWord, tokenize, isContentWord } from '../../src/language/tokenize.js';
import { decisiveDocument, documentBm25, documentShares } from '../../src/retrieval/document-choice.js';
import { LexicalIndex } from '../../src/retrieval/lexical-index.js';
import { articleCorpus } from '../helpers/test-config.js';

const DIVING = `Breathing gas for divers

Divers who breathe compressed air deeper than forty metres risk oxygen toxicity, whose seizures are the effect they fear most.

Technical divers therefore switch to a gas with less oxygen at depth, and they plan every ascent to avoid decompression sickness.`;

const TRAMS = `Night trams

The city runs night trams every twenty minutes, and drivers earn a bonus for night shifts.

Residents of Mill Street complained about the noise, which fell by half after engineers rebuilt a tight curve.`;

/** The article and the diving text, and the trams text when `trams`. */
async function library({ trams = false } = {}) {
  const { corpus } = await loadCorpus(articleCorpus);
  const second = parseDocument({ id: 'diving.md', text: DIVING, encoding: 'utf-8', markdown: true });
  const third = trams ? [parseDocument({ id: 'trams.md', text: TRAMS, encoding: 'utf-8', markdown: true })] : [];
  const chunks = chunkCorpus({ documents: [...corpus.documents, second, ...third], contentHash: 'test' });
  return { lexical: new LexicalIndex(chunks), article: corpus.documents[0]?.id ?? '' };
}

/** Each content word of the question as one term with its own stem. */
function termsOf(question: string) {
  return tokenize(question)
    .filter((token) => isContentWord(token.word))
    .map((token) => ({ weight: 1, stems: new Set([stemWord(token.word)]) }));
}

test('GIVEN a question with words only one text of a library uses THEN that text is the likeliest and the other far less likely', async () => {
  const { lexical, article } = await library();
  const documents = new Set([article, 'diving.md']);
  const diving = documentShares(lexical, termsOf('What condition do divers fear most?'), documents);
  assert.equal(diving?.get('diving.md'), 1);
  assert.ok((diving?.get(article) ?? 1) < 0.5, `the article: ${diving?.get(article)}`);
  const baku = documentShares(lexical, termsOf('Why did Baku close the Russian House?'), documents);
  assert.equal(baku?.get(article), 1);
  // A text of a few dozen words leans on the corpus's frequencies (the smoothing): less likely, but only a little.
  assert.ok((baku?.get('diving.md') ?? 1) < 1, `the diving text: ${baku?.get('diving.md')}`);
});

test('GIVEN one document, or words no document uses THEN there is nothing to choose and nothing changes', async () => {
  const { lexical, article } = await library();
  assert.equal(documentShares(lexical, termsOf('What condition do divers fear most?'), new Set([article])), undefined);
  assert.equal(documentShares(lexical, termsOf('xylophones zeppelins'), new Set([article, 'diving.md'])), undefined);
});

test('GIVEN a question the likelihood is unsure of WHEN one text alone uses its words THEN BM25 over the documents sends it there', async () => {
  const { lexical, article } = await library({ trams: true });
  const documents = new Set([article, 'diving.md', 'trams.md']);
  const baku = termsOf('Why did Baku close the Russian House?');
  const shares = documentShares(lexical, baku, documents);
  // The short texts lean on the corpus's frequencies: by likelihood they are nearly as likely as the article.
  assert.ok((shares?.get('diving.md') ?? 0) > 0.9, `the diving text: ${shares?.get('diving.md')}`);
  // Over documents, "Baku" and "Russian" are the article's alone.
  assert.equal(documentBm25(lexical, baku, documents)?.get('diving.md'), 0);
  assert.equal(decisiveDocument(lexical, baku, shares), article);
  const depth = termsOf('What do they risk deeper than forty metres?');
  assert.equal(decisiveDocument(lexical, depth, documentShares(lexical, depth, documents)), 'diving.md');
  // Where the likelihood is sure, it decides.
  const diving = termsOf('What condition do divers fear most?');
  assert.equal(decisiveDocument(lexical, diving, documentShares(lexical, diving, documents)), 'diving.md');
});

test('GIVEN a question whose words two texts use WHEN neither measure is sure THEN no document is decisive', async () => {
  const { lexical, article } = await library({ trams: true });
  const documents = new Set([article, 'diving.md', 'trams.md']);
  const risk = termsOf('What do they risk most?');
  const bm25 = documentBm25(lexical, risk, documents);
  assert.ok((bm25?.get(article) ?? 0) > 0.6, `the article by BM25: ${bm25?.get(article)}`);
  assert.equal(decisiveDocument(lexical, risk, documentShares(lexical, risk, documents)), undefined);
  // One document: nothing to choose.
  assert.equal(decisiveDocument(lexical, risk, documentShares(lexical, risk, new Set([article]))), undefined);
});

test('GIVEN a library of two texts THEN the likelihood decides alone, as before BM25 over documents', async () => {
  const { lexical, article } = await library();
  const documents = new Set([article, 'diving.md']);
  // Over two texts any word one of them has would make BM25 sure: "Baku" is not enough.
  const baku = termsOf('Why did Baku close the Russian House?');
  assert.equal(decisiveDocument(lexical, baku, documentShares(lexical, baku, documents)), undefined);
  const diving = termsOf('What condition do divers fear most?');
  assert.equal(decisiveDocument(lexical, diving, documentShares(lexical, diving, documents)), 'diving.md');
});

test('GIVEN a library WHEN one document’s word statistics are asked for THEN they are those of that document indexed alone', async () => {
  const { lexical, article } = await library();
  const { corpus } = await loadCorpus(articleCorpus);
  const alone = new LexicalIndex(chunkCorpus(corpus));
  const own = lexical.termsOf(article);
  // "oxygen" is only in the diving text: the library knows it, the article alone does not.
  assert.ok(lexical.hasStem(stemWord('oxygen')));
  assert.equal(own.hasStem(stemWord('oxygen')), false);
  for (const word of ['baku', 'russian', 'oxygen', 'moscow', 'divers', 'the'])
    assert.equal(own.idf(stemWord(word)), alone.idf(stemWord(word)), `idf of ${word}`);
  assert.notEqual(lexical.idf(stemWord('baku')), alone.idf(stemWord('baku')));
  assert.deepEqual([...own.vocabulary].sort(), [...alone.vocabulary].sort());
  // A library of one document is its own statistics.
  assert.equal(alone.termsOf(article), alone);
});
