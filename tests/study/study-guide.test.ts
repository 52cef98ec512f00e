import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Corpus } from '../../src/corpus/types.js';
import { studyGuide } from '../../src/study/study-guide.js';
import { articleText, loadArticle } from './study-fixtures.js';

/** Discord's smallest attachment limit (servers without boosts): the guide is sent as a file. */
const DISCORD_ATTACHMENT_BYTES = 10 * 1024 * 1024;

let corpus: Corpus;
let guide: string;
before(async () => {
  corpus = await loadArticle();
  guide = studyGuide(corpus, { seed: 'guide' });
});

const unescape = (text: string): string => text.replace(/\\(.)/gu, '$1');

describe('studyGuide', () => {
  test('GIVEN the article THEN the guide has the summary, timeline, who’s who, quiz and answers', () => {
    for (const heading of [
      '# Study guide: How Baku is playing with fire—without getting burned',
      '## Summary',
      '## Timeline',
      '## Who’s who',
      '### People',
      '### Organisations',
      '### Places',
      '## Quiz',
      '### Answers',
    ]) {
      assert.ok(guide.split('\n').includes(heading), `missing “${heading}”`);
    }
    const answers = guide.slice(guide.indexOf('### Answers'));
    assert.equal(answers.match(/^\d+\. \*\*[a-d]\) /gmu)?.length, 10);
  });

  test('GIVEN every item THEN it carries a citation to a real section and paragraph', () => {
    const document = corpus.documents[0];
    assert.ok(document);
    const items = guide.split('\n').filter((line) => /^(?:\d+\. |- \*\*)/u.test(line) && !/^\d+\. Fill in the blank|\?$/u.test(line));
    assert.ok(items.length > 40);
    for (const line of items) {
      const citation = /\(([^()]+), ¶ (\d+)\)(?:;.*)?$/u.exec(unescape(line));
      assert.ok(citation, `no citation in: ${line}`);
      const [, section, number] = citation;
      assert.equal(document.paragraphs.find((candidate) => candidate.number === Number(number))?.section, section, line);
    }
  });

  test('GIVEN the quoted sentences THEN each is verbatim from the article', () => {
    const text = articleText(corpus);
    const quoted = [...unescape(guide).matchAll(/: “(.+?)” \(/gu), ...unescape(guide).matchAll(/\*\* — “(.+?)” \(/gu)].map((match) => match[1] ?? '');
    assert.ok(quoted.length > 30);
    for (const quote of quoted) assert.ok(text.includes(quote), `not in the article: ${quote}`);
  });

  test('GIVEN the same seed THEN the same guide, small enough to attach in Discord', () => {
    assert.equal(studyGuide(corpus, { seed: 'guide' }), guide);
    assert.notEqual(studyGuide(corpus, { seed: 'other' }), guide);
    assert.ok(Buffer.byteLength(guide) < DISCORD_ATTACHMENT_BYTES);
  });
});
