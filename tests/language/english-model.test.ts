import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { loadCoreModel } from '../../src/language/english-model.js';

const require = createRequire(import.meta.url);

test('GIVEN the English model package WHEN its core is read by english-model.ts THEN it is the structure the package builds itself', () => {
  const packageCore = (require('wink-eng-lite-web-model') as { core: () => unknown }).core();
  assert.deepStrictEqual(loadCoreModel(), packageCore);
});
