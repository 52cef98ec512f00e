import { continuesPreviousSentence, isContentWord, stemWord, tokenize } from '../language/tokenize.js';
import { featureVector, rareOverlap, answerKindMissing, rarestMissingNearby } from './candidate-features.js';
import { ANSWERABILITY_FEATURES, answerabilityProbability, candidateProbabilities } from './answer-selector.js';
/** Sentences looked at, best first by the retriever. */
export const CANDIDATES = 12;
export function questionFactsOf(question, rarity) {
    const own = question.terms.filter((term) => !term.context);
    return {
        kind: question.answerKind,
        terms: own.map((term) => ({ word: term.word, stem: term.stem, rarity: rarity(term.word) })),
        words: new Set(tokenize(question.text).map((token) => token.word)),
    };
}
export function rankCandidates(input) {
    const { question, retrieval, statistics } = input;
    const questionFacts = questionFactsOf(question, statistics.rarity);
    const asksAboutHeadings = /\b(headings?|sections?|sub-?titles?|chapters?)\b/iu.test(question.text);
    const pool = retrieval.sentences.filter((scored) => scored.entry.sentence.kind !== 'header' && (scored.entry.sentence.kind !== 'heading' || asksAboutHeadings));
    const top = pool.slice(0, CANDIDATES);
    const byOrdinal = new Map(retrieval.sentences.map((scored) => [`${scored.entry.sentence.documentId}:${scored.entry.sentence.ordinal}`, scored]));
    const paragraphStarts = paragraphStartsOf(input.corpus);
    const bm25 = top.map((scored) => sentenceBm25(questionFacts, scored.entry.words, statistics.lexical));
    const bestBm25 = Math.max(1e-9, ...bm25);
    const topScore = top[0]?.score ?? 0;
    const described = top.map((scored, rank) => {
        const sentence = scored.entry.sentence;
        const neighbour = (offset) => {
            const found = byOrdinal.get(`${sentence.documentId}:${sentence.ordinal + offset}`);
            return found !== undefined && found.entry.sentence.paragraph === sentence.paragraph ? found : undefined;
        };
        const before = neighbour(-1);
        const after = neighbour(1);
        const facts = {
            text: sentence.text,
            stems: new Set(scored.entry.words.map(stemWord)),
            nearbyStems: new Set([...(before?.entry.words ?? []), ...(after?.entry.words ?? [])].map(stemWord)),
            headingStems: new Set(tokenize(sentence.section).map((token) => token.stem)),
            entities: input.entities.of(sentence.text),
            score: scored.score,
            topScore,
            rank,
            coverage: scored.coverage,
            passageCoverage: scored.passageCoverage,
            dense: scored.dense,
            alignment: scored.alignment,
            focusMatch: scored.focusMatch,
            namesMissingHere: scored.namesMissingHere,
            namesMissingInPassage: scored.missingNames,
            bm25Share: (bm25[rank] ?? 0) / bestBm25,
            previousCoverage: before?.coverage ?? 0,
            nextCoverage: after?.coverage ?? 0,
            positionInParagraph: sentence.ordinal - (paragraphStarts.get(`${sentence.documentId}:${sentence.paragraph}`) ?? sentence.ordinal),
            continuesPrevious: continuesPreviousSentence(sentence.text),
        };
        return { scored, facts, features: featureVector(questionFacts, facts) };
    });
    const probabilities = candidateProbabilities(input.model, described.map((candidate) => candidate.features));
    const candidates = described.map((candidate, index) => ({ ...candidate, probability: probabilities[index] ?? 0 }));
    candidates.sort((first, second) => second.probability - first.probability || first.facts.rank - second.facts.rank);
    const answerabilityFeatures = answerabilityFeaturesOf(questionFacts, candidates, unknownShare(questionFacts, statistics.lexical));
    return { candidates, answerabilityFeatures, answerability: answerabilityProbability(input.model, answerabilityFeatures), questionFacts };
}
/** The answerability model's inputs, in ANSWERABILITY_FEATURES order. */
export function answerabilityFeaturesOf(question, ranked, unknown) {
    const best = ranked[0];
    const values = {
        best_probability: best?.probability ?? 0,
        margin_to_second: (best?.probability ?? 0) - (ranked[1]?.probability ?? 0),
        best_names_missing: Math.min(2, best?.facts.namesMissingHere ?? 0),
        unknown_share: unknown,
        best_coverage: best?.facts.coverage ?? 0,
        best_rare_overlap: best === undefined ? 0 : rareOverlap(question, best.facts),
        best_kind_missing: best === undefined ? 1 : answerKindMissing(question, best.facts),
        best_rarest_missing: best === undefined ? 1 : rarestMissingNearby(question, best.facts),
        question_terms: Math.min(10, question.terms.length) / 10,
        best_focus_match: best?.facts.focusMatch ?? 0,
        best_names_missing_in_passage: Math.min(2, best?.facts.namesMissingInPassage ?? 0),
    };
    return ANSWERABILITY_FEATURES.map((name) => values[name]);
}
/** Share of the question's rarity-weighted words that the corpus never uses. */
export function unknownShare(question, lexical) {
    const total = question.terms.reduce((sum, term) => sum + term.rarity, 0);
    if (total <= 0)
        return 0;
    return question.terms.reduce((sum, term) => sum + (lexical.hasStem(term.stem) ? 0 : term.rarity), 0) / total;
}
const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** Typical sentence length in content words, for BM25's length normalisation. */
const AVERAGE_SENTENCE_WORDS = 14;
/** BM25 of one sentence for the question's own words, with the corpus's sentence-level idf. */
export function sentenceBm25(question, words, lexical) {
    const counts = new Map();
    for (const word of words)
        if (isContentWord(word))
            counts.set(stemWord(word), (counts.get(stemWord(word)) ?? 0) + 1);
    const length = words.length;
    let score = 0;
    for (const term of question.terms) {
        const frequency = counts.get(term.stem) ?? 0;
        if (frequency === 0)
            continue;
        score += (lexical.idf(term.stem) * (frequency * (BM25_K1 + 1))) / (frequency + BM25_K1 * (1 - BM25_B + (BM25_B * length) / AVERAGE_SENTENCE_WORDS));
    }
    return score;
}
const paragraphStartCache = new WeakMap();
/** Ordinal of each paragraph's first sentence, keyed "document:paragraph". */
function paragraphStartsOf(corpus) {
    let starts = paragraphStartCache.get(corpus);
    if (starts === undefined) {
        starts = new Map();
        for (const document of corpus.documents)
            for (const paragraph of document.paragraphs) {
                const first = paragraph.sentences[0];
                if (first !== undefined)
                    starts.set(`${document.id}:${paragraph.number}`, first.ordinal);
            }
        paragraphStartCache.set(corpus, starts);
    }
    return starts;
}
/** Rarity from the word vectors' frequency ranks (GloVe's vocabulary is ordered commonest first): log rank over log size. */
export function englishRarity(words) {
    const scale = Math.log(words.size + 2);
    return (word) => {
        const rank = words.rank(word);
        return rank === undefined ? 1 : Math.log(rank + 2) / scale;
    };
}
/** How much likelier a follow-up's answer is in the paragraph the previous answer came from. */
export const EARLIER_PARAGRAPH_FACTOR = 1.3;
/** Re-orders candidates so those in the earlier answer's paragraph count `EARLIER_PARAGRAPH_FACTOR` times more (capped at 1). */
export function preferParagraph(ranking, where) {
    const candidates = ranking.candidates
        .map((candidate) => {
        const sentence = candidate.scored.entry.sentence;
        const inside = sentence.documentId === where.documentId && sentence.paragraph === where.paragraph;
        return inside ? { ...candidate, probability: Math.min(1, candidate.probability * EARLIER_PARAGRAPH_FACTOR) } : candidate;
    })
        .sort((first, second) => second.probability - first.probability || first.facts.rank - second.facts.rank);
    return { ...ranking, candidates };
}
//# sourceMappingURL=rank-candidates.js.map