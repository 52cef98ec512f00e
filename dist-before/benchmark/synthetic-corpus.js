/**
 * Synthetic reading lists of a chosen size, made from the article's own vocabulary with a fixed seed:
 * Markdown documents of sections and paragraphs, read by footnote's own parser and chunker, so the
 * chunks are exactly what an ingest of such files would index.
 */
import { createHash } from 'node:crypto';
import { chunkCorpus } from '../chunking/chunk-corpus.js';
import { parseDocument } from '../corpus/parse-document.js';
import { seededRandom } from '../seeded-random.js';
const SECTIONS_PER_DOCUMENT = 10;
const PARAGRAPHS_PER_SECTION = 10;
const TOPIC_WORDS = 6;
export function generateSyntheticCorpus(options) {
    const random = seededRandom(options.seed);
    const documents = [];
    const chunks = [];
    const hash = createHash('sha256');
    let characters = 0;
    while (chunks.length < options.chunks) {
        const id = `synthetic/document-${String(documents.length + 1).padStart(5, '0')}.md`;
        const text = generateDocument(options.model, random);
        const document = parseDocument({ id, text, encoding: 'utf-8', markdown: true });
        documents.push(document);
        chunks.push(...chunkCorpus({ documents: [document], contentHash: '' }));
        hash.update(id).update('\0').update(text).update('\0');
        characters += text.length;
    }
    return { corpus: { documents, contentHash: hash.digest('hex') }, chunks: chunks.slice(0, options.chunks), characters };
}
/** Short one-sentence queries on topics of their own, from another seed than the corpus. */
export function generateQueries(options) {
    const random = seededRandom(options.seed);
    return Array.from({ length: options.count }, () => options.model.sentence(random, pickTopic(options.model, random, 3), 14));
}
function generateDocument(model, random) {
    const title = model.sentence(random, pickTopic(model, random, 2), 8).replace(/\.$/u, '');
    const parts = [`# ${title}`];
    for (let section = 0; section < SECTIONS_PER_DOCUMENT; section += 1) {
        const sectionTopic = pickTopic(model, random, TOPIC_WORDS);
        parts.push(`## ${headingFrom(sectionTopic, random)}`);
        for (let paragraph = 0; paragraph < PARAGRAPHS_PER_SECTION; paragraph += 1) {
            // A paragraph keeps half of its section's topic and adds its own words, as paragraphs of one section do.
            const topic = [...sectionTopic.slice(0, TOPIC_WORDS / 2), ...pickTopic(model, random, TOPIC_WORDS / 2)];
            const sentences = 3 + random.below(4);
            parts.push(Array.from({ length: sentences }, () => model.sentence(random, topic)).join(' '));
        }
    }
    return `${parts.join('\n\n')}\n`;
}
function pickTopic(model, random, size) {
    return Array.from({ length: size }, () => random.pick(model.contentWords));
}
function headingFrom(topic, random) {
    const words = topic.slice(0, 2 + random.below(2)).join(' and ');
    return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}
//# sourceMappingURL=synthetic-corpus.js.map