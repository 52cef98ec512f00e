import { dot, normalize } from '../embeddings/local-embeddings.js';
import { continuesPreviousSentence } from '../language/tokenize.js';
import { holdsAnswerKind } from '../question/answer-type.js';
export const DEFAULT_WEIGHTS = {
    sentenceCoverage: 0.25,
    passageCoverage: 0.25,
    sentenceDense: 0.4,
    passageDense: 0.05,
    answerKind: 0.05,
    inheritance: 0.5,
    outOfCorpusShare: 0.6,
    alignment: 0.3,
};
export class Retriever {
    parts;
    sentenceVectors = new Map();
    weights;
    candidates;
    /** The direction every SIF sentence vector shares; removed so similarities tell sentences apart. */
    commonDirection;
    constructor(parts) {
        this.parts = parts;
        this.weights = parts.weights ?? DEFAULT_WEIGHTS;
        this.candidates = parts.candidates ?? 40;
        this.commonDirection = this.meanSentenceDirection();
    }
    /** The corpus statistics the answer selector reads too. */
    get lexical() {
        return this.parts.lexical;
    }
    get wordVectors() {
        return this.parts.sentenceEmbeddings;
    }
    /** How much a question word should count: rare in the corpus, or (when the corpus lacks it) rare in English. */
    importance(term) {
        const { lexical, sentenceEmbeddings } = this.parts;
        const idf = lexical.hasStem(term.stem)
            ? lexical.idf(term.stem)
            : this.weights.outOfCorpusShare * lexical.idf(term.stem) * sentenceEmbeddings.weight(term.word);
        return term.weight * idf;
    }
    /** `documentId` keeps only that document's passages: a question about one document of a library. */
    async retrieve(question, queryText, scope = {}) {
        const { lexical, matcher } = this.parts;
        const terms = question.terms.map((term) => ({ term, importance: this.importance(term), matches: matcher.matches(term.word, term.stem) }));
        // Each question word's raw similarity to the corpus words met so far, for the alignment score.
        const primary = terms.filter(({ term }) => !term.context).map((entry) => ({ ...entry, similarity: new Map() }));
        const primaryTotal = primary.reduce((sum, { importance }) => sum + importance, 0);
        const allTotal = terms.reduce((sum, { importance }) => sum + importance, 0);
        // A name the corpus never uses ("France") cannot be answered about; one it does use may appear as a
        // close stand-in in the answering passage ("Azerbaijan" ~ "Baku").
        const required = question.names.filter((name) => !name.descriptive);
        const known = required.filter((name) => lexical.knowsName(name.word));
        const unknownNames = required.length - known.length;
        const names = known.map((name) => matcher.matches(name.word, name.stem));
        const focus = question.focus === undefined ? undefined : matcher.matches(question.focus.term.word, question.focus.term.stem);
        const denseByChunk = await this.denseCandidates(queryText);
        const chunkPositions = this.candidateChunks(terms, denseByChunk, scope.documentId);
        const questionVector = this.withoutCommonDirection(this.parts.sentenceEmbeddings.embed(queryText));
        const lowestDense = Math.min(0, ...denseByChunk.values());
        const passages = [];
        const allSentences = [];
        for (const position of chunkPositions) {
            const sentencePositions = lexical.chunkSentences[position] ?? [];
            const entries = sentencePositions.map((sentencePosition) => lexical.sentences[sentencePosition]);
            const chunkWords = entries.flatMap((entry) => entry.words);
            const passageCoverage = allTotal > 0 ? terms.reduce((sum, { importance, matches }) => sum + importance * bestMatch(matches, chunkWords), 0) / allTotal : 0;
            const passageDense = denseByChunk.get(position) ?? lowestDense;
            const missingNames = unknownNames + names.filter((matches) => bestMatch(matches, chunkWords) < NAME_MATCH).length;
            const ownCoverage = entries.map((entry) => primaryTotal > 0 ? primary.reduce((sum, { importance, matches }) => sum + importance * bestMatch(matches, entry.words), 0) / primaryTotal : 0);
            const scored = sentencePositions.map((sentencePosition, index) => {
                const entry = entries[index];
                // "These men were charged with..." continues the sentence before it: it inherits part of its coverage.
                const previous = entries[index - 1];
                const own = ownCoverage[index] ?? 0;
                const inherited = previous !== undefined && previous.sentence.paragraph === entry.sentence.paragraph && continuesPreviousSentence(entry.sentence.text)
                    ? (ownCoverage[index - 1] ?? 0)
                    : 0;
                const coverage = own + this.weights.inheritance * (1 - own) * inherited;
                const dense = dot(questionVector, this.sentenceVector(sentencePosition, entry));
                const fitsAnswerKind = TYPED_KINDS.has(question.answerKind) && holdsAnswerKind(question.answerKind, entry.sentence.text, question.text);
                const weights = this.weights;
                const alignment = weights.alignment > 0 ? this.alignmentOf(entry, primary, primaryTotal) : 0;
                const score = weights.alignment * alignment +
                    weights.sentenceCoverage * coverage +
                    weights.passageCoverage * passageCoverage +
                    weights.sentenceDense * Math.max(0, dense) +
                    weights.passageDense * Math.max(0, passageDense) +
                    (fitsAnswerKind ? weights.answerKind : 0);
                const focusMatch = focus === undefined ? 1 : bestMatch(focus, entry.words);
                // The sentence before it often holds the name ("the Azal plane ... The plane crashed ..."), so it counts too.
                const nearWords = previous !== undefined && previous.sentence.paragraph === entry.sentence.paragraph ? [...previous.words, ...entry.words] : entry.words;
                const namesMissingHere = names.filter((matches) => bestMatch(matches, nearWords) < STRICT_MATCH).length;
                return { entry, score, coverage, passageCoverage, dense, fitsAnswerKind, missingNames, focusMatch, namesMissingHere, alignment };
            });
            scored.sort((first, second) => second.score - first.score);
            const best = scored[0]?.score ?? 0;
            const runnerUp = scored[1]?.score ?? 0;
            passages.push({ chunk: lexical.chunks[position], position, score: best + 0.1 * runnerUp, sentences: scored });
            allSentences.push(...scored);
        }
        passages.sort((first, second) => second.score - first.score);
        allSentences.sort((first, second) => second.score - first.score);
        return { passages, sentences: dedupeSentences(allSentences) };
    }
    async denseCandidates(queryText) {
        const vector = await this.parts.queryEmbeddings.embedQuery(queryText);
        const limit = this.parts.store.size <= 400 ? this.parts.store.size : this.candidates;
        return new Map(this.parts.store.searchLabels(vector, limit));
    }
    candidateChunks(terms, dense, documentId) {
        const { lexical } = this.parts;
        const all = lexical.chunks.map((_chunk, position) => position);
        if (documentId !== undefined) {
            const own = all.filter((position) => lexical.chunks[position]?.documentId === documentId);
            // One document of a library is usually small enough to score whole; a long one is narrowed like a corpus.
            if (own.length <= 400)
                return own;
            return this.candidateChunks(terms, dense, undefined).filter((position) => lexical.chunks[position]?.documentId === documentId);
        }
        if (lexical.chunks.length <= 400)
            return all;
        const expanded = new Map();
        for (const { term, matches } of terms) {
            for (const [word, strength] of matches) {
                const stem = lexical.vocabulary.get(word);
                if (stem !== undefined && strength >= 0.5)
                    expanded.set(stem, Math.max(expanded.get(stem) ?? 0, strength * term.weight));
            }
        }
        const lexicalTop = [...lexical.bm25(expanded)].sort((first, second) => second[1] - first[1]).slice(0, this.candidates);
        return [...new Set([...dense.keys(), ...lexicalTop.map(([position]) => position)])];
    }
    sentenceVector(position, entry) {
        let vector = this.sentenceVectors.get(position);
        if (vector === undefined) {
            vector = this.withoutCommonDirection(this.parts.sentenceEmbeddings.embed(entry.sentence.text));
            if (this.sentenceVectors.size > 200_000)
                this.sentenceVectors.clear();
            this.sentenceVectors.set(position, vector);
        }
        return vector;
    }
    /** Importance-weighted mean, over the question's words, of the closest sentence word by raw vector similarity. */
    alignmentOf(entry, terms, total) {
        if (total <= 0)
            return 0;
        const { words } = this.parts.sentenceEmbeddings;
        let sum = 0;
        for (const { term, importance, similarity } of terms) {
            let best = 0;
            for (const word of entry.words) {
                let value = similarity.get(word);
                if (value === undefined)
                    similarity.set(word, (value = word === term.word ? 1 : Math.max(0, words.similarity(term.word, word) ?? 0)));
                if (value > best)
                    best = value;
            }
            sum += importance * best;
        }
        return sum / total;
    }
    meanSentenceDirection() {
        const { lexical, sentenceEmbeddings } = this.parts;
        const mean = new Float32Array(sentenceEmbeddings.dimensions);
        const step = Math.max(1, Math.floor(lexical.sentences.length / 2000));
        for (let position = 0; position < lexical.sentences.length; position += step) {
            const vector = sentenceEmbeddings.embed(lexical.sentences[position].sentence.text);
            for (let dimension = 0; dimension < mean.length; dimension += 1)
                mean[dimension] = mean[dimension] + vector[dimension];
        }
        return normalize(mean);
    }
    withoutCommonDirection(vector) {
        const projection = dot(vector, this.commonDirection);
        for (let dimension = 0; dimension < vector.length; dimension += 1)
            vector[dimension] = vector[dimension] - projection * this.commonDirection[dimension];
        return normalize(vector);
    }
}
function bestMatch(matches, words) {
    let best = 0;
    for (const word of words) {
        const strength = matches.get(word);
        if (strength !== undefined && strength > best) {
            best = strength;
            if (best === 1)
                break;
        }
    }
    return best;
}
/** A sentence in two overlapping windows appears once, with its better score. */
function dedupeSentences(sentences) {
    const seen = new Set();
    return sentences.filter((scored) => {
        const key = `${scored.entry.sentence.documentId}:${scored.entry.sentence.start}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/** Kinds of answer a sentence visibly holds or lacks (a number, a time, a name, a place). */
const TYPED_KINDS = new Set(['number', 'time', 'person', 'place']);
/** A name counts as mentioned when matched at least this well: same stem, family or prefix, or a close vector (Azerbaijan ~ Baku). */
const NAME_MATCH = 0.5;
/** Same stem, word family or long prefix (vector neighbours stay below this). */
const STRICT_MATCH = 0.85;
//# sourceMappingURL=retriever.js.map