import assert from 'node:assert/strict';
import { test } from 'node:test';
import { int8DotProducts } from '../../src/embeddings/int8-dot-products.js';
import { loadWordVectors } from '../../src/embeddings/word-vectors.js';
import { sharedModelDir } from '../helpers/test-config.js';

/** The products summed one by one, in JavaScript numbers. */
function expectedDots(rows: readonly Int8Array[], query: Int8Array): number[] {
  return rows.map((row) => row.reduce((sum, value, dimension) => sum + value * (query[dimension] as number), 0));
}

test('GIVEN int8 rows of several widths THEN the WebAssembly SIMD products equal the plain sums, extremes and padding included', () => {
  let seed = 12345;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 256) - 128;
  for (const dimensions of [1, 15, 16, 17, 100, 300]) {
    const count = 37;
    const rows = Array.from({ length: count }, (_, row) => Int8Array.from({ length: dimensions }, () => (row === 0 ? -128 : row === 1 ? 127 : next())));
    const query = Int8Array.from({ length: dimensions }, () => -128);
    const simd = int8DotProducts(count, dimensions);
    const scalar = int8DotProducts(count, dimensions, { scalar: true });
    assert.ok(simd.simd && !scalar.simd, 'Node 20 has WebAssembly SIMD: the module must compile');
    assert.equal(simd.stride % 16, 0);
    rows.forEach((row, position) => {
      simd.rowView(position).set(row);
      scalar.rowView(position).set(row);
    });
    for (const asked of [query, Int8Array.from({ length: dimensions }, next)]) {
      const expected = expectedDots(rows, asked);
      assert.deepEqual(Array.from(simd.dotAll(asked)), expected, `${dimensions} dimensions`);
      assert.deepEqual(Array.from(scalar.dotAll(asked)), expected, `${dimensions} dimensions, plain loop`);
    }
  }
});

test("GIVEN the shipped word vectors THEN a word's int8 product with itself times its scale squared is its cosine with itself, 1", () => {
  const words = loadWordVectors({ modelDir: sharedModelDir });
  const dots = int8DotProducts(3, words.dimensions);
  const rows = ['border', 'quarrel', 'the'].map((word) => words.rank(word) as number);
  rows.forEach((row, position) => dots.rowView(position).set(words.quantised(row).values));
  const { values, scale } = words.quantised(rows[0] as number);
  const products = dots.dotAll(values);
  assert.ok(Math.abs((products[0] as number) * scale * scale - 1) < 0.02);
  assert.ok(Math.abs((products[1] as number) * scale * words.quantised(rows[1] as number).scale - (words.similarity('border', 'quarrel') as number)) < 1e-9);
});
