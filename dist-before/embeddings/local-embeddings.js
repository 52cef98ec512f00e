import { tokenize } from '../language/tokenize.js';
import { WORD_VECTORS_MODEL } from './word-vectors.js';
const SIF_A = 1e-3;
export class LocalEmbeddings {
    words;
    provider = 'local';
    model = WORD_VECTORS_MODEL;
    harmonic;
    constructor(words) {
        this.words = words;
        this.harmonic = Math.log(words.size) + 0.5772;
    }
    get dimensions() {
        return this.words.dimensions;
    }
    /** SIF weight of a known word; unknown words get the weight of the rarest word. */
    weight(word) {
        const rank = this.words.rank(word) ?? this.words.size;
        const probability = 1 / ((rank + 1) * this.harmonic);
        return SIF_A / (SIF_A + probability);
    }
    /** Unit-length embedding (all zeros when no word is known). */
    embed(text) {
        const vector = new Float32Array(this.dimensions);
        for (const token of tokenize(text)) {
            if (!this.words.addTo(token.word, vector, this.weight(token.word))) {
                // A form the model lacks (a rare inflection): fall back to its stem.
                this.words.addTo(token.stem, vector, this.weight(token.stem));
            }
        }
        return normalize(vector);
    }
    async embedDocuments(documents) {
        return documents.map((document) => Array.from(this.embed(document)));
    }
    async embedQuery(document) {
        return Array.from(this.embed(document));
    }
}
export function normalize(vector) {
    let norm = 0;
    for (const value of vector)
        norm += value * value;
    norm = Math.sqrt(norm);
    if (norm > 0)
        for (let index = 0; index < vector.length; index += 1)
            vector[index] = vector[index] / norm;
    return vector;
}
export function dot(first, second) {
    let sum = 0;
    for (let index = 0; index < first.length; index += 1)
        sum += first[index] * second[index];
    return sum;
}
//# sourceMappingURL=local-embeddings.js.map