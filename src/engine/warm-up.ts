/**
 * A few made-up questions answered from the text once a long-lived process has opened its engine, before it
 * takes real ones. Otherwise the first real questions pay for what is loaded, built or compiled on first use:
 * wink-nlp's model, the word-lookup tables of a word the corpus lacks, the JIT of the answer path, compromise's
 * lexicon of names (a lower-case word the corpus lacks, name-words.ts), and chrono-node's date patterns — which V8 compiles once for one-byte text and once more for text holding a
 * character beyond Latin-1 (a curly apostrophe), 0.15–0.3 s each on this machine's 20 MB corpus.
 */
import type { Chunk } from '../chunking/chunk-corpus.js';
import type { Sentence } from '../corpus/types.js';
import { isContentWord, tokenize } from '../language/tokenize.js';
import type { TextAnswerer } from './answer-from-text.js';

/** Each question is answered this often: V8 moves a pattern from its interpreter to machine code on its second use. */
const ROUNDS = 2;

export async function warmUp(text: TextAnswerer, sentences: readonly Sentence[], chunks: readonly Chunk[] = []): Promise<void> {
  holdEveryPassage(chunks);
  const questions = [
    'Which 3 changes happened last year, on 5 March 2021 at 10am?',
    'What’s the documnet’s “main” point, and who wrote it?',
    'what did qxzvw say about it tomorrow',
    ...corpusQuestion(sentences),
  ];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const question of questions) {
      await text.answer(question, [], undefined);
      // A turn of the event loop between questions, for whatever else the process is starting.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

/** A question in the corpus's own words (so retrieval finds passages and ranks their sentences), from its middle sentence. */
function corpusQuestion(sentences: readonly Sentence[]): string[] {
  for (let at = Math.floor(sentences.length / 2); at < Math.min(sentences.length, Math.floor(sentences.length / 2) + 50); at += 1) {
    const words = tokenize(sentences[at]?.text ?? '')
      .map((token) => token.word)
      .filter(isContentWord);
    if (words.length >= 3) return [`What does it say about ${words.slice(0, 4).join(' ')}?`];
  }
  return [];
}

/**
 * A start makes a passage's text and sentence list when a question first reads them (chunk-corpus.ts): right for a
 * one-shot command, which reads a few dozen documents, but a long-lived process would pay for them question by
 * question (300 bench questions: 5-7% more CPU). It makes them all here, once, as a start did before.
 */
function holdEveryPassage(chunks: readonly Chunk[]): void {
  let characters = 0;
  for (const chunk of chunks) characters += chunk.text.length + chunk.sentences.length;
  if (characters < 0) throw new Error('unreachable');
}
