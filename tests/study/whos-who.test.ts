import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Corpus } from '../../src/corpus/types.js';
import { entityNames, whosWho, type WhosWhoEntry } from '../../src/study/whos-who.js';
import { assertLocated, loadArticle, mentions } from './study-fixtures.js';

let corpus: Corpus;
let entries: readonly WhosWhoEntry[];
before(async () => {
  corpus = await loadArticle();
  entries = whosWho(corpus).entities;
});

function entry(name: string): WhosWhoEntry {
  const found = entries.find((candidate) => candidate.name === name);
  assert.ok(found, `${name} is missing from who's who: ${entries.map((candidate) => candidate.name).join(', ')}`);
  return found;
}

describe('whosWho', () => {
  test('GIVEN titles and appositives in the text THEN they are the roles', () => {
    const roles: [string, string][] = [
      ['Dmitry Peskov', 'Kremlin Spokesperson'],
      ['Toral Ganjali', 'a member of the Baku Republic parliament'],
      ['Maria Zakharova', 'Russian Foreign Ministry Spokesperson'],
      ['Volodymyr Zelenskyy', 'Ukrainian President'],
      ['Alexey Ovchuk', 'Deputy Prime Minister'],
      ['Arif Yunusov', 'political analyst'],
      ['Eldar Namazov', 'former Azerbaijani official'],
      ['Hussein and Ziyaddin Safarov', 'the two victims of the Yekaterinburg incident'],
      ['Sputnik', 'news agency'],
    ];
    for (const [name, role] of roles) {
      assert.equal(entry(name).role, role, name);
      const roleQuote = entry(name).roleQuote;
      assert.ok(roleQuote !== null && roleQuote.text.includes(role), `${name}: the role is not in its quote`);
    }
  });

  test('GIVEN people, organisations and places THEN each has the right kind', () => {
    const kinds: Record<string, string[]> = {
      person: ['Vladimir Putin', 'Heydar Aliyev', 'Ilham Aliyev', 'Dmitry Peskov', 'Maria Zakharova', 'Toral Ganjali'],
      organisation: [
        'Sputnik',
        'Kremlin',
        'Al Jazeera',
        'Euronews',
        'Jamestown Institute',
        'The Washington Post',
        'The New York Times',
        'Russian Federal Security Service',
        'Middle East Eye',
        'Kyiv Independent',
      ],
      place: ['Baku', 'Moscow', 'Russia', 'Azerbaijan', 'Yekaterinburg', 'Grozny', 'Kazakhstan', 'Armenia', 'Turkey', 'South Caucasus', 'Dagestan'],
    };
    for (const [kind, names] of Object.entries(kinds)) for (const name of names) assert.equal(entry(name).kind, kind, name);
  });

  test('GIVEN capitalised words that are not names THEN they are not listed', () => {
    const names = new Set(entries.map((candidate) => candidate.name));
    for (const notAName of [
      'Despite',
      'Photos',
      'The',
      'Fifteen',
      'Forty-six',
      'Russian',
      'Azerbaijani',
      'Western',
      'IT',
      'Domestically',
      'Islamophobia',
      'COVID-19',
      'Second Karabakh War',
    ]) {
      assert.ok(!names.has(notAName), `“${notAName}” is listed as a name`);
    }
  });

  test('GIVEN a byline THEN its author is listed first, a person described as the byline says, with no quote of the text', () => {
    assert.deepEqual(entries[0], {
      name: 'Mehdi Seyf Tabrizi',
      kind: 'person',
      role: 'the author (Expert in Azerbaijan Affairs)',
      roleQuote: null,
      aliases: [],
      quotes: [],
    });
  });

  test('GIVEN every entry THEN each quote is located exactly and mentions the entry by name, surname or alias', () => {
    for (const candidate of entries.filter((entry) => entry.name !== 'Mehdi Seyf Tabrizi')) {
      assert.ok(candidate.quotes.length > 0, candidate.name);
      for (const quote of candidate.quotes) {
        assertLocated(corpus, quote);
        const forms = [candidate.name, candidate.name.replace(/^The /u, ''), ...candidate.aliases, ...candidate.name.split(/ and /u)];
        assert.ok(
          forms.some((form) => mentions(quote.text, form)),
          `${candidate.name} is not in “${quote.text}”`,
        );
      }
    }
  });

  test('GIVEN a surname alone (“Aliyev’s government”) THEN it is linked to the Aliyev named just before, not to his father', () => {
    const ilham = entry('Ilham Aliyev');
    assert.ok(ilham.quotes.some((quote) => /Aliyev’s government/u.test(quote.text)));
    assert.ok(ilham.quotes.some((quote) => /Aliyev, who has inherited power since 2003/u.test(quote.text)));
    assert.equal(entry('Heydar Aliyev').quotes.length, 1);
  });

  test('GIVEN a name to look up THEN matching entries come back; an unknown name gives none', () => {
    assert.deepEqual(
      whosWho(corpus, 'peskov').entities.map((candidate) => candidate.name),
      ['Dmitry Peskov'],
    );
    assert.deepEqual(
      whosWho(corpus, 'Aliyev')
        .entities.map((candidate) => candidate.name)
        .sort(),
      ['Heydar Aliyev', 'Ilham Aliyev'],
    );
    assert.deepEqual(
      whosWho(corpus, 'FSB').entities.map((candidate) => candidate.name),
      ['Russian Federal Security Service'],
    );
    assert.deepEqual(
      whosWho(corpus, 'the washington post').entities.map((candidate) => candidate.name),
      ['The Washington Post'],
    );
    assert.deepEqual(whosWho(corpus, 'Napoleon').entities, []);
  });

  test('GIVEN autocomplete THEN names come people first, without repeats', () => {
    const names = entityNames(corpus);
    assert.equal(new Set(names).size, names.length);
    assert.equal(names[0] !== undefined && entry(names[0]).kind, 'person');
  });
});
