import { isContentWord, tokenize, wordFamilyKeys } from '../language/tokenize.js';
const BM25_K1 = 1.2;
const BM25_B = 0.75;
export class LexicalIndex {
    chunks;
    /** Every content word of the corpus → its stem. */
    vocabulary = new Map();
    sentences = [];
    /** Words the corpus writes with a capital inside a sentence: its names ("kremlin", "azerbaijanis"), lower-cased. */
    properNames = new Set();
    /** Words the corpus writes in lower case at least once: a word only ever capitalised is a name. */
    writtenLowercase = new Set();
    /** Sentences of each chunk, as positions in `sentences`. */
    chunkSentences = [];
    /** Family keys of the names (see wordFamilyKeys): "Russians" meets "Russian" by a look-up. */
    nameFamilyKeys = new Set();
    postings = new Map();
    sentenceFrequency = new Map();
    chunkLengths = [];
    averageChunkLength = 1;
    constructor(chunks) {
        this.chunks = chunks;
        const sentenceByOffset = new Map();
        chunks.forEach((chunk, chunkPosition) => {
            const frequencies = new Map();
            let length = 0;
            const positions = [];
            for (const sentence of chunk.sentences) {
                const key = `${sentence.documentId}:${sentence.start}`;
                let position = sentenceByOffset.get(key);
                const words = tokenize(sentence.text).filter((token) => isContentWord(token.word));
                if (position === undefined) {
                    position = this.sentences.length;
                    sentenceByOffset.set(key, position);
                    this.sentences.push({ sentence, chunk: chunkPosition, words: words.map((token) => token.word) });
                    for (const token of words) {
                        const capitalised = /^\p{Lu}/u.test(sentence.text.slice(token.start, token.end));
                        if (token.start > 0 && capitalised)
                            this.properNames.add(token.word);
                        else if (!capitalised)
                            this.writtenLowercase.add(token.word);
                    }
                    for (const stem of new Set(words.map((token) => token.stem)))
                        this.sentenceFrequency.set(stem, (this.sentenceFrequency.get(stem) ?? 0) + 1);
                }
                positions.push(position);
                for (const token of words) {
                    this.vocabulary.set(token.word, token.stem);
                    frequencies.set(token.stem, (frequencies.get(token.stem) ?? 0) + 1);
                    length += 1;
                }
            }
            this.chunkSentences.push(positions);
            this.chunkLengths.push(length);
            for (const [stem, frequency] of frequencies) {
                let list = this.postings.get(stem);
                if (list === undefined)
                    this.postings.set(stem, (list = []));
                list.push({ chunk: chunkPosition, frequency });
            }
        });
        for (const name of this.properNames)
            for (const key of wordFamilyKeys(name))
                this.nameFamilyKeys.add(key);
        this.averageChunkLength = Math.max(1, this.chunkLengths.reduce((sum, length) => sum + length, 0) / Math.max(1, chunks.length));
    }
    /** Inverse sentence frequency: how telling a stem is. Unknown stems get the highest value. */
    idf(stem) {
        const total = this.sentences.length;
        const frequency = this.sentenceFrequency.get(stem) ?? 0;
        return Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
    }
    /** Whether the corpus names this (a capitalised word, or one of its family: "Russians" for "Russian"). */
    knowsName(word) {
        if (this.properNames.has(word))
            return true;
        return wordFamilyKeys(word).some((key) => this.nameFamilyKeys.has(key));
    }
    hasStem(stem) {
        return this.sentenceFrequency.has(stem);
    }
    /** BM25 scores of chunks for weighted stems; only chunks with a score are returned. */
    bm25(stems) {
        const scores = new Map();
        const total = this.chunks.length;
        for (const [stem, weight] of stems) {
            const list = this.postings.get(stem);
            if (list === undefined)
                continue;
            const idf = Math.log(1 + (total - list.length + 0.5) / (list.length + 0.5));
            for (const { chunk, frequency } of list) {
                const length = this.chunkLengths[chunk] ?? 0;
                const tf = (frequency * (BM25_K1 + 1)) / (frequency + BM25_K1 * (1 - BM25_B + (BM25_B * length) / this.averageChunkLength));
                scores.set(chunk, (scores.get(chunk) ?? 0) + weight * idf * tf);
            }
        }
        return scores;
    }
}
//# sourceMappingURL=lexical-index.js.map