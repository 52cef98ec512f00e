import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import type { Corpus } from '../../src/corpus/types.js';
import { findDates } from '../../src/language/date-expressions.js';
import { timeline, type TimelineEvent } from '../../src/study/timeline.js';
import { hasSubjectAndVerb } from '../../src/language/part-of-speech.js';
import { assertLocated, loadArticle } from './study-fixtures.js';

let corpus: Corpus;
let events: readonly TimelineEvent[];
before(async () => {
  corpus = await loadArticle();
  events = timeline(corpus).events;
});

function eventWhen(pattern: RegExp): TimelineEvent {
  const event = events.find((candidate) => pattern.test(candidate.when));
  assert.ok(event, `no event whose time reads ${pattern}; got ${events.map((candidate) => candidate.when).join(' | ')}`);
  return event;
}

describe('timeline', () => {
  test('GIVEN the article THEN events are in strictly increasing sortKey order and every quote is located', () => {
    assert.ok(events.length >= 7);
    for (let index = 1; index < events.length; index += 1) {
      assert.ok((events[index - 1]?.sortKey ?? '') < (events[index]?.sortKey ?? ''), `${events[index - 1]?.sortKey} is not before ${events[index]?.sortKey}`);
    }
    for (const event of events) {
      assertLocated(corpus, event.quote);
      assert.ok(event.quote.text.includes(event.text), `“${event.text}” is not part of its quote`);
    }
  });

  test('GIVEN years, parts of years and “since” THEN they are dated as the text says them', () => {
    assert.equal(eventWhen(/^since 2003$/u).date, '2003-01-01');
    assert.equal(eventWhen(/^late 2024$/u).date, '2024-09-01');
    assert.match(eventWhen(/^late 2024$/u).text, /first attempt to impose new rules/u);
    const years = events.filter((event) => event.when === '2020' || event.when === '2023');
    assert.ok(years.some((event) => /Armenia-Azerbaijan war/u.test(event.text)));
    assert.ok(years.some((event) => /military operations/u.test(event.text)));
  });

  test('GIVEN one event mentioned twice (“Baku’s 2023 military operations”) THEN it is on the timeline once', () => {
    assert.equal(events.filter((event) => /2023 military operations/u.test(event.text)).length, 1);
  });

  test('GIVEN the article THEN every entry says who did what, verbatim from its quote, and no event is told twice', () => {
    for (const event of events) {
      assert.ok(event.quote.text.includes(event.text), `“${event.text}” is not from its quote`);
      assert.ok(hasSubjectAndVerb(event.text), `“${event.text}” has no subject and verb`);
    }
    // “the 2020 Armenia-Azerbaijan war”, “Azerbaijan’s success in 2020” and “the 2020 Second Karabakh War” are one event.
    assert.equal(events.filter((event) => event.date?.startsWith('2020')).length, 1);
    assert.match(eventWhen(/^late 2024/u).text, /Azal plane was mistakenly shot down/u);
  });

  test('GIVEN an event counted from an undated one THEN the undated one comes just before it, told as the text tells it', () => {
    const response = events.findIndex((event) => /^Baku responded/u.test(event.text));
    assert.ok(response > 0);
    assert.match(
      events[response - 1]?.text ?? '',
      /^the arrest and beating of several Azerbaijani citizens in Russia’s Yekaterinburg.*deaths of two Azerbaijani nationals$/u,
    );
    assert.equal(events[response - 1]?.date, undefined);
  });

  test('GIVEN “last week” and “In January” in a text published on 14 March 2024 THEN they are dated 7 March 2024 and January 2024', () => {
    const dates = findDates('Last week, the council approved the plan. In January, the mayors wrote to the ministry.', '2024-03-14');
    assert.deepEqual(
      dates.map((date) => [date.text, date.resolution.resolved ? date.resolution.date : undefined]),
      [
        ['Last week', '2024-03-07'],
        ['January', '2024-01-01'],
      ],
    );
  });

  test('GIVEN “will vote in May” and “wrote in May” in a text published in March 2024 THEN the next May and the last one', () => {
    const dates = findDates('The council will vote in May on the extension. The mayors wrote in May to the ministry.', '2024-03-14');
    assert.deepEqual(
      dates.map((date) => (date.resolution.resolved ? date.resolution.date : undefined)),
      ['2024-05-01', '2023-05-01'],
    );
  });

  test('GIVEN “15 years ago” and “in recent days” THEN they are resolved against the publication date, 25 July 2025', () => {
    const ago = eventWhen(/^15 years ago/u);
    assert.equal(ago.date, '2010-01-01');
    assert.match(ago.when, /about 2010/u);
    const recent = events.filter((event) => /recent days/iu.test(event.when));
    assert.equal(recent.length, 2);
    for (const event of recent) {
      assert.equal(event.date, '2025-07-25');
      assert.match(event.when, /25 July 2025/u);
    }
  });

  test('GIVEN “fifteen years after the arrest …” THEN it is not dated, shown as the text says it, with its quote', () => {
    const after = eventWhen(/^Fifteen years after the arrest and beating/u);
    assert.equal(after.text, 'Baku responded in an unusually forceful manner for a post-Soviet state');
    assert.equal(after.date, undefined);
    assert.equal(after.precision, 'unresolved');
    assert.match(after.quote.text, /^Fifteen years after/u);
  });

  test('GIVEN the dates in order THEN 2003 < 2010 < 2020 < 2023 < late 2024 < July 2025', () => {
    const order = ['since 2003', '15 years ago', '2020', '2023', 'late 2024', 'In recent days'].map((when) =>
      events.findIndex((event) => event.when.startsWith(when)),
    );
    assert.ok(order.every((position) => position >= 0));
    assert.deepEqual(
      order,
      [...order].sort((first, second) => first - second),
    );
  });

  test('GIVEN a text without a publication date THEN relative expressions stay as written and sort after dated events', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'footnote-timeline-'));
    try {
      await writeFile(
        path.join(folder, 'notes.txt'),
        'Notes\n\nTwo years ago the bridge was closed. In 1998 it was built. It reopened in recent days.\n',
        'utf8',
      );
      const undated = timeline((await loadCorpus(folder)).corpus).events;
      assert.deepEqual(
        undated.map((event) => event.when),
        ['1998', 'Two years ago', 'in recent days'],
      );
      assert.equal(undated[1]?.date, undefined);
      assert.ok(undated.every((event, index) => index === 0 || (undated[index - 1]?.sortKey ?? '') < event.sortKey));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('findDates', () => {
  test('GIVEN expressions relative to a publication date THEN they resolve to the right year', () => {
    const found = findDates('Last year the talks failed; three years ago they began, and early 2021 was calm.', '2025-07-25');
    const dates = found.map((expression) => [expression.text, expression.resolution.resolved ? expression.resolution.date : 'unresolved']);
    assert.deepEqual(dates, [
      ['Last year', '2024-01-01'],
      ['three years ago', '2022-01-01'],
      ['early 2021', '2021-01-01'],
    ]);
  });

  test('GIVEN numbers that are not dates (COVID-19, 67 people, 1,500) THEN no date is found', () => {
    assert.deepEqual(findDates('Since the COVID-19 pandemic, 67 people and 1,500 others', '2025-07-25'), []);
  });
});
