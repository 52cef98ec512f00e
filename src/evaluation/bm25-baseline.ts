/**
 * The baseline footnote must beat: plain BM25 (k1 1.2, b 0.75) over single sentences of the corpus,
 * Porter stems without stop words, top sentence first, never abstaining. Its answer line and first quote
 * are the top sentence; its quotes and passages are the top three.
 */
import type { Corpus, Sentence } from '../corpus/types.js';
import { contentStems } from '../language/tokenize.js';
import type { Reply, Responder } from './reply.js';

const K1 = 1.2;
const B = 0.75;
const SHOWN = 3;

export class Bm25SentenceRanker {
  private readonly terms: ReadonlyMap<string, number>[];
  private readonly lengths: number[];
  private readonly averageLength: number;
  private readonly documentFrequency = new Map<string, number>();

  constructor(private readonly sentences: readonly Sentence[]) {
    this.terms = sentences.map((sentence) => {
      const counts = new Map<string, number>();
      for (const stem of contentStems(sentence.text)) counts.set(stem, (counts.get(stem) ?? 0) + 1);
      for (const stem of counts.keys()) this.documentFrequency.set(stem, (this.documentFrequency.get(stem) ?? 0) + 1);
      return counts;
    });
    this.lengths = this.terms.map((counts) => [...counts.values()].reduce((sum, count) => sum + count, 0));
    this.averageLength = this.lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, this.lengths.length);
  }

  /** Sentences best first; ties keep reading order; sentences sharing no word with the query are left out. */
  rank(query: string, limit: number): { sentence: Sentence; score: number }[] {
    const queryStems = [...new Set(contentStems(query))];
    const count = this.sentences.length;
    const scored: { sentence: Sentence; score: number; position: number }[] = [];
    this.terms.forEach((counts, position) => {
      let score = 0;
      for (const stem of queryStems) {
        const frequency = counts.get(stem);
        if (frequency === undefined) continue;
        const documents = this.documentFrequency.get(stem) ?? 0;
        const idf = Math.log(1 + (count - documents + 0.5) / (documents + 0.5));
        const length = this.lengths[position] ?? 0;
        score += (idf * frequency * (K1 + 1)) / (frequency + K1 * (1 - B + (B * length) / this.averageLength));
      }
      if (score > 0) scored.push({ sentence: this.sentences[position] as Sentence, score, position });
    });
    scored.sort((first, second) => second.score - first.score || first.position - second.position);
    return scored.slice(0, limit).map(({ sentence, score }) => ({ sentence, score }));
  }
}

/** The baseline as a responder: a follow-up's query is all its turns together (it has no other memory). */
export function bm25Responder(corpus: Corpus, sentences: readonly Sentence[]): Responder {
  const ranker = new Bm25SentenceRanker(sentences);
  const titles = new Map(corpus.documents.map((document) => [document.id, document.title]));
  return {
    name: 'BM25 sentence',
    async respond(item): Promise<Reply> {
      const top = ranker.rank(item.turns.join(' '), SHOWN).map(({ sentence }) => sentence);
      const quotes = top.map((sentence) => ({
        documentId: sentence.documentId,
        documentTitle: titles.get(sentence.documentId) ?? sentence.documentId,
        section: sentence.section,
        paragraph: sentence.paragraph,
        start: sentence.start,
        end: sentence.end,
        text: sentence.text,
      }));
      return {
        answerLine: top[0]?.text ?? '',
        abstained: false,
        quotes,
        passages: top.map((sentence) => sentence.text),
        confidence: undefined,
        abstainReason: undefined,
      };
    },
  };
}
