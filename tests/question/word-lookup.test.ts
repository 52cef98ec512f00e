import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { distance } from 'fastest-levenshtein';
import { sameWordFamily, tokenize } from '../../src/language/tokenize.js';
import { WordLookup } from '../../src/question/word-lookup.js';

/** Whether `candidate` is `word` with two neighbouring letters swapped. */
function oneSwapApart(word: string, candidate: string): boolean {
  if (word.length !== candidate.length) return false;
  const differ = [...word].flatMap((letter, at) => (letter === candidate[at] ? [] : [at]));
  const [first, second] = differ;
  return differ.length === 2 && first !== undefined && second === first + 1 && word[first] === candidate[second] && word[second] === candidate[first];
}

/** The scan the lookup replaces, as read-question.ts had it (a swap of two neighbouring letters is one edit): the answer must be the same. */
function closestByScan(word: string, words: readonly string[], allowed: number): string | undefined {
  let best: { word: string; score: number } | undefined;
  for (const candidate of words) {
    if (Math.abs(candidate.length - word.length) > allowed || candidate.length < 4) continue;
    const edits = oneSwapApart(word, candidate) ? 1 : distance(word, candidate);
    if (edits > allowed) continue;
    const dropped = candidate.length === word.length + 1 && [...candidate].some((_, at) => candidate.slice(0, at) + candidate.slice(at + 1) === word);
    const score = edits - (candidate[0] === word[0] ? 0.5 : 0) - (oneSwapApart(word, candidate) || dropped ? 0.25 : 0);
    if (best === undefined || score < best.score || (score === best.score && candidate < best.word)) best = { word: candidate, score };
  }
  return best?.word;
}

const article = readFileSync(new URL('../../corpus/how-baku-is-playing-with-fire.txt', import.meta.url), 'utf8');
const vocabulary = [...new Set(tokenize(article).map((token) => token.word))];

/** Misspellings of every kind: a letter dropped, doubled, swapped, replaced, two of these, and words nowhere near. */
function misspellings(word: string): string[] {
  const middle = Math.floor(word.length / 2);
  return [
    word.slice(0, middle) + word.slice(middle + 1),
    word.slice(0, middle) + word[middle] + word.slice(middle),
    word.slice(0, middle - 1) + (word[middle] ?? '') + (word[middle - 1] ?? '') + word.slice(middle + 1),
    `${word.slice(0, -1)}x`,
    `q${word.slice(1, -1)}z`,
    `${word}zz`,
    word.split('').reverse().join(''),
  ];
}

test('GIVEN the article vocabulary and misspellings of each of its words THEN the closest word within one or two edits is the one a full scan finds', () => {
  const lookup = new WordLookup(vocabulary);
  let corrected = 0;
  for (const word of vocabulary) {
    for (const typo of misspellings(word)) {
      for (const allowed of [1, 2]) {
        const expected = closestByScan(typo, vocabulary, allowed);
        assert.equal(lookup.closest(typo, allowed), expected, `${typo} within ${allowed}`);
        if (expected !== undefined) corrected += 1;
      }
    }
  }
  assert.ok(corrected > vocabulary.length, `most misspellings have a near word (${corrected})`);
});

test('GIVEN a prefix THEN the words beginning with it are listed in alphabetical order, and none for a prefix no word has', () => {
  const lookup = new WordLookup(['desalination', 'desk', 'design', 'russia', 'russian', 'des']);
  assert.deepEqual([...lookup.beginningWith('des')], ['des', 'desalination', 'design', 'desk']);
  assert.deepEqual([...lookup.beginningWith('russ')], ['russia', 'russian']);
  assert.deepEqual([...lookup.beginningWith('zzz')], []);
});

test('GIVEN words of one family THEN a family member within the length limit is found, as comparing the word with every other finds it', () => {
  const lookup = new WordLookup(vocabulary);
  const others = (word: string) => vocabulary.filter((known) => known !== word);
  let found = 0;
  for (const word of [...vocabulary, 'russians', 'azerbaijanis', 'apologised', 'nations', 'unrelated']) {
    // A word is its own family member; the look-up is asked about words the list lacks, so compare with the others.
    const expected = others(word).some((known) => sameWordFamily(word, known) && Math.abs(word.length - known.length) <= 3);
    const without = new WordLookup(others(word));
    assert.equal(without.hasFamilyMember(word, 3), expected, word);
    if (expected) found += 1;
  }
  assert.ok(found > 10, `words with a family member: ${found}`);
  assert.ok(lookup.hasFamilyMember('azerbaijanis', 3));
});

test('GIVEN words that differ only in which letters are doubled THEN sameButDoubling finds the other, and nothing for a word that differs otherwise', () => {
  const lookup = new WordLookup(['tariffs', 'tomorrow', 'beginning', 'tariff', 'occurred']);
  assert.equal(lookup.sameButDoubling('tarrifs'), 'tariffs');
  assert.equal(lookup.sameButDoubling('tommorow'), 'tomorrow');
  assert.equal(lookup.sameButDoubling('begining'), 'beginning');
  assert.equal(lookup.sameButDoubling('tariffs'), undefined, 'the word itself is no correction');
  assert.equal(lookup.sameButDoubling('terrifs'), undefined);
});

test('GIVEN a typo one edit from two words THEN a dropped letter or two swapped ones is the likelier slip than a wrong or an extra letter', () => {
  const lookup = new WordLookup(['pine', 'plane', 'russia', 'russian']);
  assert.equal(lookup.closest('plne', 1), 'plane');
  assert.equal(lookup.closest('russina', 1), 'russian');
});

test('GIVEN a word typed without the accents the text writes THEN the text word is found; a word with none to add is not', () => {
  const lookup = new WordLookup(['país', 'müntzer', 'gospić', 'paris']);
  assert.equal(lookup.withAccents('pais'), 'país');
  assert.equal(lookup.withAccents('muntzer'), 'müntzer');
  assert.equal(lookup.withAccents('gospic'), 'gospić');
  assert.equal(lookup.withAccents('paris'), undefined);
  assert.equal(lookup.withAccents('lisbon'), undefined);
});
