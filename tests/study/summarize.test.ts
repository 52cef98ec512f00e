import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Corpus } from '../../src/corpus/types.js';
import { sectionNames } from '../../src/study/study-scope.js';
import { summarize, type Summary } from '../../src/study/summarize.js';
import { assertLocated, loadArticle } from './study-fixtures.js';

let corpus: Corpus;
before(async () => {
  corpus = await loadArticle();
});

function summaryOf(options: Parameters<typeof summarize>[1]): Summary {
  const outcome = summarize(corpus, options);
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.problem.message);
  return outcome.summary;
}

describe('summarize', () => {
  test('GIVEN the whole article and length long THEN every section with a claim has a point and every quote is located exactly', () => {
    const summary = summaryOf({ length: 'long' });
    const covered = new Set(summary.points.map((point) => point.quote.section));
    // “Diplomatic mischief” holds only a lead-in ending in a colon: its claims are in the sections after it.
    const withClaims = sectionNames(corpus).filter((name) => !name.startsWith('Diplomatic mischief'));
    assert.deepEqual([...covered].sort(), withClaims.sort());
    for (const point of summary.points) {
      assertLocated(corpus, point.quote);
      assert.equal(point.text, point.quote.text);
    }
  });

  test('GIVEN any summary THEN its points are in reading order, without repeats', () => {
    for (const length of ['short', 'long'] as const) {
      const starts = summaryOf({ length }).points.map((point) => point.quote.start);
      assert.deepEqual(
        starts,
        [...starts].sort((first, second) => first - second),
      );
      assert.equal(new Set(starts).size, starts.length);
    }
  });

  test('GIVEN any summary THEN no point is a lead-in ending in a colon, and one that opens by pointing back comes after the sentence it points to', () => {
    const sentences = corpus.documents.flatMap((document) => document.paragraphs.flatMap((paragraph) => paragraph.sentences));
    for (const length of ['short', 'long'] as const) {
      const points = summaryOf({ length }).points;
      for (const [index, point] of points.entries()) {
        assert.doesNotMatch(point.text, /:\s*$/u, `a lead-in: ${point.text}`);
        if (!/^(?:This|These|Such|Thus|They|Its|Their)\b/u.test(point.text)) continue;
        const previous = sentences[sentences.findIndex((sentence) => sentence.start === point.quote.start) - 1];
        assert.equal(points[index - 1]?.quote.end, previous?.end, `“${point.text.slice(0, 60)}…” without the sentence before it`);
      }
    }
  });

  test('GIVEN the whole article THEN the short summary keeps the thesis, the trigger, the downed plane and the outlook', () => {
    const text = summaryOf({ length: 'short' })
      .points.map((point) => point.text)
      .join(' ');
    assert.match(text, /pretext|calculated strategy/u);
    assert.match(text, /Yekaterinburg/u);
    assert.match(text, /plane|aircraft/u);
    assert.match(text, /no longer seen as a dominant power|cannot risk fully severing/u);
  });

  test('GIVEN short and long THEN the short one is a handful of points and the long one has more', () => {
    const short = summaryOf({ length: 'short' }).points.length;
    const long = summaryOf({ length: 'long' }).points.length;
    // Five ideas; an idea that needs the sentence before it, in the paragraph before, shows as two points.
    assert.ok(short >= 3 && short <= 7, `short summary has ${short} points`);
    assert.ok(long > short, `long (${long}) is not longer than short (${short})`);
  });

  test('GIVEN redundancy removal THEN no two points of the long summary share most of their words', () => {
    const points = summaryOf({ length: 'long' }).points.map((point) => new Set(point.text.toLowerCase().match(/\p{L}{4,}/gu) ?? []));
    for (const [index, first] of points.entries()) {
      for (const second of points.slice(index + 1)) {
        const shared = [...first].filter((word) => second.has(word)).length;
        assert.ok(shared / Math.min(first.size, second.size) < 0.6, 'two points say nearly the same thing');
      }
    }
  });

  test('GIVEN a section by a fragment of its name THEN every point comes from that section', () => {
    const summary = summaryOf({ section: 'arrests of russian', length: 'long' });
    assert.equal(summary.title, 'Arrests of Russian citizens and targeted charges');
    assert.ok(summary.points.length >= 2);
    for (const point of summary.points) {
      assert.equal(point.quote.section, 'Arrests of Russian citizens and targeted charges');
      assertLocated(corpus, point.quote);
    }
  });

  test('GIVEN a section that does not exist THEN the outcome says so and lists the sections', () => {
    const outcome = summarize(corpus, { section: 'Economy of Mars', length: 'short' });
    assert.equal(outcome.ok, false);
    assert.ok(!outcome.ok);
    assert.equal(outcome.problem.kind, 'unknown-section');
    assert.match(outcome.problem.message, /Managing a crisis-prone border and tensions/);
  });

  test('GIVEN a fragment that fits several sections THEN it is refused as ambiguous', () => {
    const outcome = summarize(corpus, { section: 'moscow', length: 'short' });
    assert.ok(!outcome.ok);
    assert.equal(outcome.problem.kind, 'ambiguous-section');
  });
});
