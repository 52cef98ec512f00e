import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { openEngine } from '../../src/engine.js';
import { createLogger } from '../../src/logger.js';
import { hnswFileDimensions } from '../../src/vector-index/hnsw-store.js';
import { bytesHashed } from '../../src/vector-index/sha256-in-turns.js';
import { articleFile, temporaryFolder, testConfig } from '../helpers/test-config.js';

function capturingLogger() {
  const lines: string[] = [];
  return { lines, logger: createLogger({ level: 'info', write: (line) => lines.push(line) }) };
}

function manifestOf(dataDir: string) {
  return JSON.parse(readFileSync(path.join(dataDir, 'index', 'manifest.json'), 'utf8')) as {
    corpusHash: string;
    dimensions: number;
    formatVersion: number;
    files: { vectors: { name: string } };
    counts: { chunks: number };
  };
}

test('GIVEN a saved index WHEN nothing changed THEN it is reused; WHEN the corpus changes THEN it is rebuilt', async () => {
  const data = temporaryFolder('reuse');
  const corpus = temporaryFolder('corpus');
  try {
    copyFileSync(articleFile, path.join(corpus.path, 'article.txt'));
    const config = testConfig({ FOOTNOTE_DATA_DIR: data.path, FOOTNOTE_CORPUS_DIR: corpus.path });
    const first = await openEngine(config);
    const built = manifestOf(data.path);
    assert.equal(built.dimensions, 100);
    assert.equal(built.counts.chunks, first.index.chunks);

    const second = capturingLogger();
    await openEngine(config, { logger: second.logger });
    assert.ok(!second.lines.some((line) => line.includes('building the index')), 'a matching index must be reused');

    writeFileSync(path.join(corpus.path, 'extra.txt'), 'Extra notes\nA new paragraph about Baku and the Caspian Sea.\n');
    const third = capturingLogger();
    const engine = await openEngine(config, { logger: third.logger });
    assert.ok(third.lines.some((line) => line.includes('the corpus has changed since the index was built')));
    assert.notEqual(manifestOf(data.path).corpusHash, built.corpusHash);
    assert.equal(engine.index.documents, 2);
  } finally {
    data.remove();
    corpus.remove();
  }
});

test('GIVEN a truncated vectors file THEN it is detected by its checksum and rebuilt, leaving one generation on disk', async () => {
  const data = temporaryFolder('truncated');
  try {
    const config = testConfig({ FOOTNOTE_DATA_DIR: data.path });
    await openEngine(config);
    const vectors = path.join(data.path, 'index', manifestOf(data.path).files.vectors.name);
    truncateSync(vectors, 100);
    const { lines, logger } = capturingLogger();
    const engine = await openEngine(config, { logger });
    assert.ok(
      lines.some((line) => line.includes('truncated or overwritten')),
      lines.join('\n'),
    );
    const outcome = await engine.ask('How many people died when the Azal plane crashed?');
    assert.ok(outcome.ok && outcome.answer.quotes.some((quote) => quote.text.includes('killing 67 people')));
    assert.equal(readdirSync(path.join(data.path, 'index')).filter((name) => name.startsWith('vectors-')).length, 1);
  } finally {
    data.remove();
  }
});

test('GIVEN a saved index THEN a start hashes each of its files once (the vectors from the bytes its graph is read into); WHEN a vector byte changes THEN the checksum catches it and the index is rebuilt', async () => {
  const data = temporaryFolder('damaged');
  try {
    const config = testConfig({ FOOTNOTE_DATA_DIR: data.path });
    await openEngine(config);
    const manifest = JSON.parse(readFileSync(path.join(data.path, 'index', 'manifest.json'), 'utf8')) as { files: Record<string, { bytes: number }> };
    const before = bytesHashed();
    await openEngine(config);
    const fileBytes = Object.values(manifest.files).reduce((sum, file) => sum + file.bytes, 0);
    assert.equal(bytesHashed() - before, fileBytes, 'every index file hashed once, none twice');

    const vectors = path.join(data.path, 'index', manifestOf(data.path).files.vectors.name);
    const bytes = readFileSync(vectors);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] as number) ^ 1;
    writeFileSync(vectors, bytes);
    const { lines, logger } = capturingLogger();
    const engine = await openEngine(config, { logger });
    assert.ok(
      lines.some((line) => line.includes('building the index') && line.includes('does not match its checksum (damaged)')),
      lines.join('\n'),
    );
    const outcome = await engine.ask('How many people died when the Azal plane crashed?');
    assert.ok(outcome.ok && outcome.answer.quotes.some((quote) => quote.text.includes('killing 67 people')));
  } finally {
    data.remove();
  }
});

test('GIVEN an index from another model or a newer footnote THEN it is not trusted, and a newer one is left untouched', async () => {
  const data = temporaryFolder('foreign');
  try {
    const config = testConfig({ FOOTNOTE_DATA_DIR: data.path });
    await openEngine(config);
    const manifestFile = path.join(data.path, 'index', 'manifest.json');
    const manifest = manifestOf(data.path);
    assert.equal(hnswFileDimensions(path.join(data.path, 'index', manifest.files.vectors.name)), 100);

    writeFileSync(manifestFile, JSON.stringify({ ...manifest, dimensions: 1536 }));
    const other = capturingLogger();
    await openEngine(config, { logger: other.logger });
    assert.ok(other.lines.some((line) => line.includes('the index holds 1536-dimension vectors, the model gives 100')));

    const newer = { ...manifestOf(data.path), formatVersion: 99 };
    writeFileSync(manifestFile, JSON.stringify(newer));
    const later = capturingLogger();
    const engine = await openEngine(config, { logger: later.logger });
    assert.ok(later.lines.some((line) => line.includes('written by a newer footnote')));
    assert.equal(manifestOf(data.path).formatVersion, 99, 'the newer index must not be overwritten');
    assert.ok((await engine.ask('What did the autopsies reveal?')).ok);
  } finally {
    data.remove();
  }
});

test('GIVEN an index in format 1 (passages as JSON, no word index) THEN it is rebuilt once, saying why, and then reused', async () => {
  const data = temporaryFolder('format-1');
  try {
    const config = testConfig({ FOOTNOTE_DATA_DIR: data.path });
    await openEngine(config);
    const manifestFile = path.join(data.path, 'index', 'manifest.json');
    const { files, ...rest } = JSON.parse(readFileSync(manifestFile, 'utf8')) as { files: { lexical?: unknown } };
    delete files.lexical;
    writeFileSync(manifestFile, JSON.stringify({ ...rest, files, formatVersion: 1 }));
    const old = capturingLogger();
    const engine = await openEngine(config, { logger: old.logger });
    assert.ok(
      old.lines.some((line) => line.includes('building the index') && line.includes('format 1 from an older footnote')),
      old.lines.join('\n'),
    );
    assert.equal(manifestOf(data.path).formatVersion, 2);
    assert.ok((await engine.ask('What did the autopsies reveal?')).ok);
    const next = capturingLogger();
    await openEngine(config, { logger: next.logger });
    assert.ok(!next.lines.some((line) => line.includes('building the index')), next.lines.join('\n'));
  } finally {
    data.remove();
  }
});

test('GIVEN a saved word index that passes its checksum but cannot be read THEN a warning says so and answers still come', async () => {
  const data = temporaryFolder('bad-lexical');
  try {
    const config = testConfig({ FOOTNOTE_DATA_DIR: data.path });
    await openEngine(config);
    const manifestFile = path.join(data.path, 'index', 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { files: { lexical: { name: string; bytes: number; sha256: string } } };
    const garbage = Buffer.from('FNLX this is not deflated');
    writeFileSync(path.join(data.path, 'index', manifest.files.lexical.name), garbage);
    manifest.files.lexical = { ...manifest.files.lexical, bytes: garbage.length, sha256: createHash('sha256').update(garbage).digest('hex') };
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const { lines, logger } = capturingLogger();
    const engine = await openEngine(config, { logger });
    assert.ok(
      lines.some((line) => line.includes('the saved word index could not be read')),
      lines.join('\n'),
    );
    assert.ok(!lines.some((line) => line.includes('building the index')), 'the vectors are still reused');
    const outcome = await engine.ask('How many people died when the Azal plane crashed?');
    assert.ok(outcome.ok && outcome.answer.quotes.some((quote) => quote.text.includes('killing 67 people')));
  } finally {
    data.remove();
  }
});
