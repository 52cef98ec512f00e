import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { locateQuote, repairQuote } from '../../src/answering/quote-locator.js';
import type { Corpus } from '../../src/corpus/types.js';
import { ARTICLE_ID, articleWith, documentOf, loadArticle, passageFor, sentenceStarting } from './llm-fixtures.js';

let corpus: Corpus;
before(async () => {
  corpus = await loadArticle();
});

function sliceOf(result: { documentId: string; start: number; end: number }): string {
  return documentOf(corpus, result.documentId).text.slice(result.start, result.end);
}

describe('locateQuote', () => {
  test('GIVEN a sentence copied exactly THEN it is found with offsets that slice to the same text', () => {
    const sentence = sentenceStarting(corpus, 'Euronews reported');
    const result = locateQuote(corpus, sentence);
    assert.equal(result.status, 'exact');
    assert.ok(result.status === 'exact');
    assert.equal(result.documentId, ARTICLE_ID);
    assert.equal(result.text, sentence);
    assert.equal(sliceOf(result), sentence);
  });

  test('GIVEN straight apostrophes where the source has curly ones THEN the source wording comes back', () => {
    const result = locateQuote(corpus, "the two countries' interactions");
    assert.equal(result.status, 'normalised');
    assert.ok(result.status === 'normalised');
    assert.equal(result.text, 'the two countries’ interactions');
    assert.equal(sliceOf(result), result.text);
  });

  test('GIVEN straight double quotes and a spaced hyphen for an em dash THEN it is found in the source wording', () => {
    const dashed = locateQuote(corpus, "Russia's Yekaterinburg - an incident that resulted in the deaths");
    assert.ok(dashed.status === 'normalised');
    assert.equal(dashed.text, 'Russia’s Yekaterinburg—an incident that resulted in the deaths');
    const quoted = locateQuote(corpus, 'described by some analysts as "diplomatic mischief,"');
    assert.ok(quoted.status === 'normalised');
    assert.equal(quoted.text, 'described by some analysts as “diplomatic mischief,”');
  });

  test('GIVEN a quote running over a paragraph break with a single space THEN the match keeps the line break', () => {
    const result = locateQuote(corpus, 'history of the two countries’ interactions. Fifteen years after the arrest');
    assert.ok(result.status === 'normalised');
    assert.match(result.text, /interactions\.\r?\nFifteen/);
    assert.equal(sliceOf(result), result.text);
  });

  test('GIVEN wrapping quotation marks and edge ellipses THEN they are stripped before matching', () => {
    const result = locateQuote(corpus, '“…Baku ignored this and leveraged the situation to confront Moscow...”');
    assert.ok(result.status === 'exact');
    assert.equal(result.text, 'Baku ignored this and leveraged the situation to confront Moscow');
  });

  test('GIVEN a change of case, a changed word or an inner ellipsis THEN it is not found', () => {
    assert.equal(locateQuote(corpus, 'baku ignored this and leveraged the situation to confront Moscow.').status, 'not-found');
    assert.equal(locateQuote(corpus, 'Baku ignored this and used the situation to confront Moscow.').status, 'not-found');
    assert.equal(locateQuote(corpus, 'Baku ignored this ... to confront Moscow.').status, 'not-found');
    assert.equal(locateQuote(corpus, '   ').status, 'not-found');
  });

  test('GIVEN a phrase that occurs several times THEN it is ambiguous unless a range narrows it to one', () => {
    const phrase = 'influence in the South Caucasus';
    assert.equal(locateQuote(corpus, phrase).status, 'ambiguous');
    const paragraph4 = passageFor(corpus, 4);
    const narrowed = locateQuote(corpus, phrase, { within: [paragraph4] });
    assert.ok(narrowed.status === 'exact');
    assert.ok(narrowed.start >= paragraph4.start && narrowed.end <= paragraph4.end);
  });

  test('GIVEN a CRLF file with a BOM THEN offsets index the decoded text, line ends included', async () => {
    const { corpus: crlf, cleanup } = await articleWith({
      'notes.txt': '\uFEFFReading notes\r\n\r\nThe group met on Tuesday.\r\nWe read the second half of the article.\r\n',
    });
    try {
      const result = locateQuote(crlf, 'met on Tuesday. We read the second half');
      assert.ok(result.status === 'normalised');
      assert.equal(result.documentId, 'notes.txt');
      assert.equal(result.text, 'met on Tuesday.\r\nWe read the second half');
      assert.equal(documentOf(crlf, 'notes.txt').text.slice(result.start, result.end), result.text);
    } finally {
      await cleanup();
    }
  });
});

describe('repairQuote', () => {
  test('GIVEN a light paraphrase of one sentence THEN it is repaired to that sentence, exactly as written', () => {
    const result = repairQuote(corpus, 'Euronews reported the men were charged with large fraud, illegal entrepreneurship and money-laundering.');
    assert.ok(result.status === 'repaired');
    assert.equal(result.text, sentenceStarting(corpus, 'Euronews reported'));
    assert.equal(sliceOf(result), result.text);
  });

  test('GIVEN an invented claim or a too-short fragment THEN nothing is repaired', () => {
    assert.equal(repairQuote(corpus, 'Baku is the capital of Mars.').status, 'not-found');
    assert.equal(repairQuote(corpus, 'The Kremlin apologised to Azerbaijan for the arrests of journalists in Moscow.').status, 'not-found');
    assert.equal(repairQuote(corpus, 'Moscow’s weakness').status, 'not-found');
  });

  test('GIVEN two sentences equally close THEN the repair is ambiguous and the caller drops the quote', async () => {
    const { corpus: twins, cleanup } = await articleWith({
      'twins.txt':
        'Twins\n\nThe committee approved the new budget for the city library on Monday.\n\nThe committee approved the new budget for the city museum on Monday.\n',
    });
    try {
      assert.equal(repairQuote(twins, 'The committee approved a new budget for the city on Monday.').status, 'ambiguous');
    } finally {
      await cleanup();
    }
  });

  test('GIVEN ranges THEN only sentences inside them are candidates', () => {
    const paraphrase = 'Euronews said these men were charged with large-scale fraud, illegal entrepreneurship and laundering money.';
    assert.equal(repairQuote(corpus, paraphrase, { within: [passageFor(corpus, 3)] }).status, 'not-found');
    assert.equal(repairQuote(corpus, paraphrase, { within: [passageFor(corpus, 11)] }).status, 'repaired');
  });
});
