import { statSync } from 'node:fs';
import path from 'node:path';
import { chunkCorpus } from '../chunking/chunk-corpus.js';
import { openIndex } from '../vector-index/open-index.js';
import { LexicalIndex } from '../retrieval/lexical-index.js';
import { TermMatcher } from '../retrieval/term-matcher.js';
import { Retriever } from '../retrieval/retriever.js';
import { englishRarity } from '../answering/rank-candidates.js';
export async function loadState(input) {
    const { corpus, warnings } = await input.source.load();
    for (const warning of warnings)
        input.logger.warn('corpus file skipped or read with care', { detail: warning });
    const chunks = chunkCorpus(corpus);
    const directory = input.source.indexDirectory;
    const opened = await openIndex({
        directory,
        corpus,
        chunks,
        embeddings: input.embeddings,
        model: input.model,
        logger: input.logger,
        forceRebuild: input.rebuild,
        ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    });
    const lexical = new LexicalIndex(chunks);
    const retriever = new Retriever({
        lexical,
        matcher: new TermMatcher(lexical.vocabulary, input.words),
        store: opened.store,
        queryEmbeddings: input.embeddings,
        sentenceEmbeddings: input.localEmbeddings,
        ...(input.weights ? { weights: input.weights } : {}),
    });
    const manifest = opened.manifest;
    const info = {
        provider: manifest.provider,
        model: manifest.model,
        dimensions: manifest.dimensions,
        chunks: manifest.counts.chunks,
        documents: manifest.counts.documents,
        corpusHash: manifest.corpusHash,
        builtAt: manifest.builtAt,
        bytesOnDisk: [manifest.files.vectors, manifest.files.documents].reduce((sum, file) => sum + sizeOf(path.join(directory, file.name)), 0),
    };
    const paragraphs = corpus.documents.flatMap((document) => document.paragraphs);
    const statistics = { lexical, rarity: englishRarity(input.words) };
    return { corpus, chunks, retriever, info, paragraphs, sentences: paragraphs.flatMap((paragraph) => paragraph.sentences), statistics };
}
function sizeOf(file) {
    try {
        return statSync(file).size;
    }
    catch {
        return 0;
    }
}
//# sourceMappingURL=engine-state.js.map