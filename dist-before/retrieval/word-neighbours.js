/**
 * The corpus words nearest a word in pretrained-vector space, without scanning the whole vocabulary per
 * question word: a small vocabulary is compared exhaustively over one packed matrix; a large one (a real
 * library has 50k+ distinct words) goes through an HNSW graph built once, so the cost of a look-up does
 * not grow with the corpus.
 */
import hnswlib from 'hnswlib-node';
const { HierarchicalNSW } = hnswlib;
/** Up to this many words, an exhaustive comparison is cheaper than building a graph. */
const EXHAUSTIVE_LIMIT = 20_000;
/** Neighbours read from the graph; further ones are too far to count as a match (see TermMatcher's floors). */
const GRAPH_NEIGHBOURS = 200;
export class WordNeighbours {
    corpusWords;
    words;
    vectors;
    graph;
    constructor(corpusWords, words) {
        this.corpusWords = corpusWords;
        this.words = words;
        const dimensions = words.dimensions;
        this.vectors = new Float32Array(corpusWords.length * dimensions);
        corpusWords.forEach((word, row) => words.addTo(word, this.vectors.subarray(row * dimensions, (row + 1) * dimensions), 1));
        if (corpusWords.length <= EXHAUSTIVE_LIMIT)
            return;
        this.graph = new HierarchicalNSW('ip', dimensions);
        this.graph.initIndex(corpusWords.length, 8, 40, 7);
        for (let row = 0; row < corpusWords.length; row += 1)
            this.graph.addPoint(Array.from(this.vectors.subarray(row * dimensions, (row + 1) * dimensions)), row);
        this.graph.setEf(GRAPH_NEIGHBOURS);
    }
    /** Corpus words whose cosine with `word` is above `floor`, with that cosine. */
    near(word, floor) {
        const found = new Map();
        const query = this.words.vector(word);
        if (query === undefined || this.corpusWords.length === 0)
            return found;
        const dimensions = this.words.dimensions;
        if (this.graph !== undefined) {
            const { neighbors, distances } = this.graph.searchKnn(Array.from(query), Math.min(GRAPH_NEIGHBOURS, this.corpusWords.length));
            neighbors.forEach((row, position) => {
                const similarity = 1 - (distances[position] ?? 1);
                if (similarity > floor)
                    found.set(this.corpusWords[row], similarity);
            });
            return found;
        }
        for (let row = 0; row < this.corpusWords.length; row += 1) {
            let dot = 0;
            const offset = row * dimensions;
            for (let dimension = 0; dimension < dimensions; dimension += 1)
                dot += query[dimension] * this.vectors[offset + dimension];
            if (dot > floor)
                found.set(this.corpusWords[row], dot);
        }
        return found;
    }
}
//# sourceMappingURL=word-neighbours.js.map