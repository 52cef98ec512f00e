/** givesAmount and amountFirst (answering/amount-answer.ts): the amount of the kind asked, near the question's words. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { amountFirst, givesAmount } from '../../src/answering/amount-answer.js';
import type { QuoteSearch } from '../../src/answering/count-answer.js';
import type { Quote } from '../../src/answering/types.js';

function quote(text: string, start = 0): Quote {
  return { text, documentId: 'a.txt', documentTitle: 'A', section: 'Introduction', paragraph: 1, start, end: start + text.length };
}
const nothingFurther: QuoteSearch = { chosen: [], ranked: [], locate: () => undefined, limit: 3 };

test('GIVEN money asked THEN only a sum of money answers: a count or a ratio does not', () => {
  const question = 'how much money do farmers get for drip irrigation';
  assert.ok(givesAmount('The government promised 45 million euros in compensation for growers who switch to drip irrigation.', 'money', question));
  assert.ok(givesAmount('Unpromoted teachers earned from £20,427 for a Probationer.', 'money', 'how much does a probationer earn'));
  assert.ok(!givesAmount('Farmers were told to cut irrigation by a third.', 'money', question));
  assert.ok(!givesAmount('Every cubic metre above it costs twice as much.', 'money', 'how much does a cubic metre cost'));
});

test('GIVEN an amount asked THEN a measure, a percentage or a fraction near the question words answers; a date does not', () => {
  assert.ok(givesAmount('Households keep a basic allowance of 100 litres per person per day.', 'amount', 'how much water does each person get'));
  assert.ok(givesAmount('The basin authority warned that its reservoirs had fallen to 18 percent of capacity.', 'amount', 'how full are the reservoirs'));
  assert.ok(givesAmount('Farmers were told to cut irrigation by a third.', 'amount', 'how much do farmers cut irrigation'));
  assert.ok(!givesAmount('The reservoirs were built in 1961.', 'amount', 'how full are the reservoirs'));
  assert.ok(
    !givesAmount(
      'Hotter summers raised evaporation from the reservoirs, and scientists at the university in the old town estimate the temperature has risen by 1.4 degrees.',
      'amount',
      'how full are the reservoirs',
    ),
  );
});

test('GIVEN a degree question THEN the quote with an amount comes first, unless the first says the very word asked', () => {
  const vague = quote('Hotter summers had raised evaporation from the reservoirs.');
  const level = quote('Its reservoirs had fallen to 18 percent of capacity.', 100);
  assert.deepEqual(
    amountFirst('how full are the reservoirs', [vague, level], nothingFurther).map((found) => found.text),
    [level.text, vague.text],
  );
  const little = quote('The neighborhood has very little retail activity.');
  const homes = quote('Some 8 new apartments have been built in the neighborhood.', 100);
  assert.deepEqual(amountFirst('How much retail activity does the neighborhood have?', [little, homes], nothingFurther), [little, homes]);
});
