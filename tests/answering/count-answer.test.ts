/**
 * countFirst (answering/count-answer.ts): "how many" is answered by a count and "how old is aliyev" by an age;
 * when neither the quotes nor the next likely sentences give one, the answer is that they don't.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countFirst, type QuoteSearch } from '../../src/answering/count-answer.js';
import type { Quote } from '../../src/answering/types.js';

function quote(text: string): Quote {
  return { text, documentId: 'a.txt', documentTitle: 'A', section: 'Introduction', paragraph: 1, start: 0, end: text.length };
}

const nothingFurther: QuoteSearch = { chosen: [], ranked: [], locate: () => undefined, limit: 3 };

test('GIVEN "how old" and quotes that name the person but give no age THEN no quote answers', () => {
  const quotes = [quote('A phone conversation between Ilham Aliyev and President Zelenskyy was a provocation.'), quote('Aliyev has held power since 2003.')];
  assert.equal(countFirst('how old is aliyev', quotes, nothingFurther), undefined);
});

test('GIVEN "how old" and a quote that gives an age THEN that quote comes first', () => {
  const quotes = [quote('Aliyev spoke to reporters in 2023.'), quote('Aliyev, aged 63, spoke.')];
  assert.deepEqual(
    countFirst('how old is aliyev', quotes, nothingFurther)?.map((found) => found.text),
    ['Aliyev, aged 63, spoke.', 'Aliyev spoke to reporters in 2023.'],
  );
});

test("GIVEN the age of a thing THEN a date may answer it: it is not held to a person's age", () => {
  const graves = quote('Nestorian graves dating to 1338–39 near Lake Issyk Kul have inscriptions referring to plague.');
  assert.equal(countFirst('how old are the gravestones that reference the plague', [graves], nothingFurther)?.[0], graves);
});

test('GIVEN a question that asks no count THEN the quotes stay as they are', () => {
  const quotes = [quote('The plane crashed in Kazakhstan.')];
  assert.equal(countFirst('where did the plane crash', quotes, nothingFurther), quotes);
});

test('GIVEN a message that asks something else first and "how many" after it THEN the quotes answer the first question', () => {
  const quotes = [quote('The Azal plane was mistakenly shot down by Russian air defenses.')];
  assert.equal(countFirst('who shot down the plane and how many died', quotes, nothingFurther), quotes);
  assert.equal(countFirst('In 2024, how many planes were shot down?', quotes, nothingFurther), undefined);
});

test('GIVEN "how often" THEN a quote that gives a frequency comes first, and without one the quotes stay as they are', () => {
  const office = quote('Her office argued that a tram line was cheaper to run at night than a fleet of buses.');
  const every = quote('Trams on the line now run every 20 minutes between midnight and 5 a.m.');
  assert.deepEqual(
    countFirst('how often do trams run at night', [office, every], nothingFurther)?.map((found) => found.text),
    [every.text, office.text],
  );
  const weekly = quote('The council meets twice a week in winter.');
  assert.equal(countFirst('how often does the council meet', [office, weekly], nothingFurther)?.[0], weekly);
  const quotes = [office, quote('A day after the vote, the trams kept running.')];
  assert.equal(countFirst('how often do trams run', quotes, nothingFurther), quotes);
});

test('GIVEN "how often" and no quote with a frequency THEN a frequency further down the whole ranking answers, however unlikely', () => {
  const texts = [
    'For now, the trams keep running.',
    'Not everyone sleeps better.',
    'Residents say it is better.',
    'The company hired stewards.',
    'Lines were extended.',
    'The depot was renovated.',
    'Trams on the line now run every 20 minutes between midnight and 5 a.m.',
  ];
  const ranked = texts.map((text, index) => ({ probability: 0.6 / (index + 1) ** 2, text })) as unknown as QuoteSearch['ranked'];
  const byCandidate = new Map(ranked.map((candidate, index) => [candidate, quote(texts[index] as string)]));
  const search: QuoteSearch = { chosen: ranked.slice(0, 1), ranked, locate: (candidate) => byCandidate.get(candidate), limit: 3 };
  const first = byCandidate.get(ranked[0] as QuoteSearch['ranked'][number]) as Quote;
  assert.equal(countFirst('how often do trams come at night', [first], search)?.[0]?.text, texts[6]);
});
