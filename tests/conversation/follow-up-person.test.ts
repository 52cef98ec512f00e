/**
 * "he" after a subject that is no name stands for the person the earlier answer's paragraph names first
 * (conversation/follow-up.ts subjectFor; compromise reads the paragraph); a name the text writes capitalised
 * mid-sentence stays the subject. Real engine, a short text written here.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { openEngine } from '../../src/engine.js';
import type { Engine } from '../../src/engine-types.js';
import { temporaryFolder, testConfig } from '../helpers/test-config.js';

const TEXT = `# The break

DJ Kool Herc developed the style that became the blueprint for hip hop music. At parties in the Bronx, the break was the short drum part of a record that the dancers liked best. To prolong the break, he switched between two copies of the same record on two turntables. Among the deejays who copied him was Grandmaster Flash, who built his own mixer.

Other deejays soon copied the technique, and within a few years it was heard across New York.
`;

const corpus = temporaryFolder('follow-up-person');
const data = temporaryFolder('follow-up-person-data');
let engine: Engine;

before(async () => {
  writeFileSync(path.join(corpus.path, 'the-break.md'), TEXT);
  engine = await openEngine(testConfig({ FOOTNOTE_CORPUS_DIR: corpus.path, FOOTNOTE_DATA_DIR: data.path }));
});
after(() => {
  corpus.remove();
  data.remove();
});

test('GIVEN a turn about something that is no name THEN a later "he" is the person the answer’s paragraph names', async () => {
  const first = await engine.ask('what was the break', { conversationId: 'c1' });
  assert.ok(first.ok && !first.answer.abstained);
  const followUp = await engine.ask('how did he prolong it', { conversationId: 'c1' });
  assert.ok(followUp.ok);
  assert.match(followUp.answer.standaloneQuestion, /Herc/u);
  assert.doesNotMatch(followUp.answer.standaloneQuestion, /how did break/u);
});

test('GIVEN a turn about a name the text writes capitalised THEN a later "he" stays that name', async () => {
  const first = await engine.ask('who is grandmaster flash', { conversationId: 'c2' });
  assert.ok(first.ok && !first.answer.abstained);
  const followUp = await engine.ask('what did he build', { conversationId: 'c2' });
  assert.ok(followUp.ok);
  assert.match(followUp.answer.standaloneQuestion, /grandmaster flash/iu);
  assert.doesNotMatch(followUp.answer.standaloneQuestion, /Herc/u);
});
