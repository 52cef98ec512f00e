import assert from 'node:assert/strict';
import { test } from 'node:test';
import { correctTypo, readQuestion, type CorpusVocabulary } from '../../src/question/read-question.js';
import { stemWord } from '../../src/language/tokenize.js';

const corpusWords = ['yekaterinburg', 'plane', 'crashed', 'died', 'ovchuk', 'zakharova', 'said', 'authorities', 'brothers', 'happened', 'moscow', 'baku'];
const corpus: CorpusVocabulary = {
  vocabulary: new Map(corpusWords.map((word) => [word, stemWord(word)])),
  properNames: new Set(['yekaterinburg', 'ovchuk', 'zakharova', 'moscow', 'baku']),
  writtenLowercase: new Set(['plane', 'crashed', 'died', 'said', 'authorities', 'brothers', 'happened']),
  hasStem: (stem) => corpusWords.some((word) => stemWord(word) === stem),
};
/** A few general-English ranks: common words are known, typos and the text's rare names are not. */
const englishRanks = new Map([
  ['what', 1],
  ['plane', 900],
  ['how', 50],
  ['many', 60],
  ['people', 80],
  ['died', 1500],
  ['cook', 3000],
  ['plov', 90_000],
  ['recommend', 4000],
  ['laptop', 6000],
]);
const english = { rank: (word: string) => englishRanks.get(word) };

test('GIVEN a misspelt word the corpus has one edit away THEN it is corrected before matching', () => {
  const reading = readQuestion('what happend in Yekaterinberg', corpus, english);
  assert.deepEqual(
    reading.corrections.map((correction) => `${correction.from}→${correction.to}`),
    ['happend→happened', 'yekaterinberg→yekaterinburg'],
  );
  assert.ok(reading.terms.some((term) => term.word === 'yekaterinburg'));
  assert.deepEqual(reading.unknownWords, []);
});

test('GIVEN a word whose inflection the text uses but the stemmer splits THEN it is known ("cry" of a text that says "cried")', () => {
  const text = { ...corpus, vocabulary: new Map([...corpus.vocabulary, ['cried', stemWord('cried')]]) };
  assert.notEqual(stemWord('cry'), stemWord('cried'));
  assert.deepEqual(readQuestion('why did they cry', text, english).unknownWords, []);
  assert.deepEqual(readQuestion('how did they die', corpus, english).unknownWords, []);
  assert.deepEqual(readQuestion('how did they sink', corpus, english).unknownWords, ['sink']);
});

test('GIVEN typing slips THEN two swapped letters are one edit, and a near English word is chosen by how common it is', () => {
  const text = { ...corpus, vocabulary: new Map([...corpus.vocabulary, ['ukraine', 'ukrain']]) };
  assert.equal(correctTypo('ukriane', text, english), 'ukraine', 'two neighbouring letters swapped');
  const everyday = { rank: (word: string) => ({ dring: 168_000 })[word], commonWords: () => ['the', 'during', 'piece', 'curbed', 'drink', 'dying'] };
  assert.equal(correctTypo('dring', corpus, everyday), 'during', 'one edit from during, drink and dying: the commonest');
  assert.equal(correctTypo('psece', corpus, everyday), 'piece', 'five letters English does not know at all');
  assert.equal(correctTypo('curbbed', corpus, everyday), 'curbed', 'the same stem, but English has no such word');
});

test('GIVEN a word that differs from a text word only in its doubled letters THEN it is that word, however many edits apart', () => {
  const text = {
    ...corpus,
    vocabulary: new Map([
      ['tariffs', 'tariff'],
      ['occurred', 'occur'],
      ['tariff', 'tariff'],
    ]),
  };
  assert.equal(correctTypo('tarrifs', text, english), 'tariffs');
  assert.equal(correctTypo('ocurred', text, english), 'occurred');
  assert.equal(correctTypo('taxifs', text, english), undefined, 'two edits that are not doubling: left as written');
});

test('GIVEN a misspelling of everyday English the text has no near word for THEN it is read as the English word, and a short rare word is left alone', () => {
  const everyday = { ...english, commonWords: () => ['the', 'happened', 'people', 'plow', 'recommend'] };
  const reading = readQuestion('what happend after the crash', { ...corpus, vocabulary: new Map([['crash', 'crash']]) }, everyday);
  assert.deepEqual(
    reading.corrections.map((correction) => `${correction.from}→${correction.to}`),
    ['happend→happened'],
  );
  assert.equal(correctTypo('plov', corpus, everyday), undefined, 'four letters: too often a real word of its own');
  assert.equal(correctTypo('recommend', corpus, everyday), undefined, 'a common word is not a typo');
  assert.equal(correctTypo('rekomend', corpus, everyday), undefined, 'two edits from the English word: left as written');
  assert.equal(correctTypo('reccomend', corpus, everyday), 'recommend', 'two edits, but only in which letters are doubled');
  const ranked = { rank: (word: string) => ({ summarize: 40_000, happend: 198_000 })[word], commonWords: () => ['summarized', 'happened'] };
  assert.equal(correctTypo('summarize', corpus, ranked), undefined, 'a real if rarer English word, and the same word as the one it is near');
  assert.equal(correctTypo('happend', corpus, ranked), 'happened');
});

test('GIVEN a word cut short THEN it is read as the one word of the text it begins, and left alone when several words begin with it', () => {
  const text = { ...corpus, vocabulary: new Map([...corpus.vocabulary, ['desalination', 'desalin'], ['russia', 'russia'], ['russian', 'russian']]) };
  assert.equal(correctTypo('desal', text, english), 'desalination');
  assert.equal(correctTypo('russ', text, english), undefined, 'russia or russian: not one word');
});

test('GIVEN a common English word the corpus lacks THEN it is not "corrected" into a corpus word', () => {
  assert.equal(correctTypo('laptop', corpus, english), undefined);
  assert.equal(correctTypo('cook', corpus, english), undefined);
  // Short words are too ambiguous to correct.
  assert.equal(correctTypo('bak', corpus, english), undefined);
});

test('GIVEN words the text never uses THEN they are listed, rarest in English first, for the abstention message', () => {
  const reading = readQuestion('how do I cook plov?', corpus, english);
  assert.deepEqual(reading.unknownWords, ['plov', 'cook']);
});

test('GIVEN a lowercase name the corpus only writes as a name THEN it is read as a name', () => {
  const reading = readQuestion('what did zakharova say', corpus, english);
  assert.deepEqual(
    reading.names.map((name) => name.word),
    ['zakharova'],
  );
  // A word the corpus writes in lower case too is not a name, whatever the question's case.
  assert.deepEqual(
    readQuestion('what did the Brothers say', corpus, english).names.map((name) => name.word),
    ['brothers'],
  );
  assert.deepEqual(
    readQuestion('what did the brothers say', corpus, english).names.map((name) => name.word),
    [],
  );
});

test('GIVEN questions of each kind THEN the kind asked and the focus are read', () => {
  assert.equal(readQuestion('how many ppl died in the plane crash', corpus, english).answerKind, 'number');
  assert.equal(readQuestion('who is ovchuk?', corpus, english).answerKind, 'person');
  assert.equal(readQuestion('which politician called it chauvinism', corpus, english).answerKind, 'person');
  assert.equal(readQuestion('what kind of plane was it', corpus, english).answerKind, 'thing');
  assert.equal(readQuestion('when did the plane crash', corpus, english).answerKind, 'time');
  assert.equal(readQuestion('where did the plane crash', corpus, english).answerKind, 'place');
  assert.equal(readQuestion('why did Baku close it', corpus, english).answerKind, 'reason');
  assert.equal(readQuestion('What is the population of Moscow?', corpus, english).focus?.term.word, 'population');
});

test('GIVEN the same question twice THEN it is read the same way (the corpus order does not matter)', () => {
  const first = readQuestion('what happend in Yekaterinberg', corpus, english);
  const second = readQuestion('what happend in Yekaterinberg', corpus, english);
  assert.deepEqual(first, second);
});

test('GIVEN a name the corpus never uses THEN it is listed as written in the question', () => {
  assert.deepEqual(readQuestion('What did the United Nations say about Baku?', corpus, english).unknownNames, ['United Nations']);
  assert.deepEqual(readQuestion('what did zakharova say', corpus, english).unknownNames, []);
});

test('GIVEN a name typed in lower case that the corpus never uses THEN it is an unknown name, named as typed', () => {
  assert.deepEqual(readQuestion('what did the government in madrid say', corpus, english).unknownNames, ['madrid']);
  assert.deepEqual(readQuestion('what did the european union say about baku', corpus, english).unknownNames, ['european union']);
  // Names the corpus has, and common words the corpus lacks, are not.
  assert.deepEqual(readQuestion('what did moscow say', corpus, english).unknownNames, []);
  assert.deepEqual(readQuestion('how do i cook plov', corpus, english).unknownNames, []);
});

test('GIVEN a question opening with a capitalised question word before a name THEN the name is given without it', () => {
  assert.deepEqual(readQuestion('What NFL teams play in Baku?', corpus, english).unknownNames, ['NFL']);
});

test('GIVEN a word the corpus has only a word of the same family of THEN it is related, not unknown', () => {
  const closeness = (word: string) => (word === 'authoritative' ? 0.85 : 0);
  const reading = readQuestion('what do authoritative sources think', corpus, english, closeness);
  assert.deepEqual(reading.relatedWords, ['authoritative']);
  assert.ok(!reading.unknownWords.includes('authoritative'));
  assert.deepEqual(readQuestion('what do authoritative sources think', corpus, english).relatedWords, []);
});

test('GIVEN a capitalised first word or a question that capitalises its names THEN lower-case words are not read as names', () => {
  assert.deepEqual(readQuestion('Madrid said what about baku', corpus, english).unknownNames, []);
  assert.deepEqual(readQuestion('what did madrid say to Moscow', corpus, english).unknownNames, []);
});

test('GIVEN "tomorrow" in a question THEN it is the near future asked about, unless the corpus itself says "tomorrow"', () => {
  const thursday = new Date('2026-12-03T10:00:00Z');
  assert.equal(readQuestion('what will moscow do tomorrow', corpus, english, undefined, thursday).nearFuture, 'tomorrow');
  const saysTomorrow = { ...corpus, vocabulary: new Map([...corpus.vocabulary, ['tomorrow', stemWord('tomorrow')]]) };
  assert.equal(readQuestion('what will moscow do tomorrow', saysTomorrow, english, undefined, thursday).nearFuture, undefined);
});

test('GIVEN a word typed without the accents the text writes THEN it is read as the text word, even one English knows', () => {
  const accented = {
    ...corpus,
    vocabulary: new Map([...corpus.vocabulary, ['país', stemWord('país')]]),
    properNames: new Set([...corpus.properNames, 'país']),
  };
  const reading = readQuestion('what did el pais report', accented, { rank: (word) => (word === 'pais' ? 20_000 : englishRanks.get(word)) });
  assert.deepEqual(reading.corrections, [{ from: 'pais', to: 'país' }]);
  assert.deepEqual(reading.unknownNames, []);
});

test('GIVEN nouns the text has only as another part of speech THEN they are listed, unless one noun of the question is a noun of the text', () => {
  const verbs = new Set([stemWord('book')]);
  const text: CorpusVocabulary = {
    ...corpus,
    vocabulary: new Map([...corpus.vocabulary, ['book', stemWord('book')]]),
    hasStem: (stem) => stem === stemWord('book') || corpus.hasStem(stem),
    usesAsNoun: (stem) => !verbs.has(stem),
  };
  assert.deepEqual(readQuestion('can you recommend a good book', text, english).otherwiseUsedTopics, ['book']);
  assert.deepEqual(readQuestion('can you recommend a good book about the plane', text, english).otherwiseUsedTopics, []);
  assert.deepEqual(
    readQuestion('can you recommend a good book', corpus, english).otherwiseUsedTopics,
    [],
    'a text without the word: absent, not used otherwise',
  );
  assert.deepEqual(
    readQuestion('can you recommend a good book', { ...corpus, vocabulary: text.vocabulary, hasStem: text.hasStem }, english).otherwiseUsedTopics,
    [],
  );
  // A close relative the text writes as a noun speaks of the thing ("the start of" of a text that says "the beginning of"); one it writes as a verb does not.
  const relatives = (relative: string) => ({ ...text, relativesOf: (word: string) => (word === 'book' ? [relative] : []) });
  assert.deepEqual(readQuestion('can you recommend a good book', relatives('novel'), english).otherwiseUsedTopics, []);
  assert.deepEqual(
    readQuestion('can you recommend a good book', { ...relatives('wrote'), usesAsNoun: (stem: string) => stem === 'novel' }, english).otherwiseUsedTopics,
    ['book'],
  );
});

test("GIVEN a question about the asker's present THEN the reading says what it asks", () => {
  assert.equal(readQuestion('what time is it', corpus, english).askerNow, 'what time it is now');
  assert.equal(readQuestion('when did the plane crash', corpus, english).askerNow, undefined);
});

test("GIVEN a question about the asker's own doing THEN it is about something else, unless it names the text's names or a doing the text keeps coming back to", () => {
  const ties: CorpusVocabulary = { ...corpus, vocabulary: new Map([...corpus.vocabulary, ['ties', 'tie']]), idf: (stem) => (stem === 'fenc' ? 1.2 : 3.5) };
  const ranks = { rank: (word: string) => (word === 'tie' || word === 'fence' ? 2500 : englishRanks.get(word)) };
  assert.equal(readQuestion('how do i tie a tie', ties, ranks).askerNow, 'how to tie a tie');
  assert.equal(readQuestion('how do you fence', ties, ranks).askerNow, undefined);
  assert.equal(readQuestion('how do i get to baku from moscow', ties, ranks).askerNow, undefined);
});
