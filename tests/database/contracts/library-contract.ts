/** What every library store does, whichever database is behind it (run by tests/database/store-contracts.test.ts). */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import type { AsyncLibraryStore, LibraryDocumentRecord } from '../../../src/library/library-store.js';

const roomy = { maxDocuments: 10, maxTotalBytes: 1_000_000 };

function documentOf(libraryId: string, text: string, addedAt = 1_000): { record: LibraryDocumentRecord; text: string; original: Buffer } {
  const contentHash = createHash('sha256').update(text).digest('hex');
  const original = Buffer.from(`original bytes of ${text}`);
  return {
    record: {
      libraryId,
      documentId: `servers/${libraryId}/${contentHash.slice(0, 8)}.txt`,
      title: text.slice(0, 20),
      format: 'txt',
      sourceName: 'notes.txt',
      sourceUrl: undefined,
      contentHash,
      originalBytes: original.length,
      textCharacters: text.length,
      addedBy: 'ana',
      addedAt,
    },
    text,
    original,
  };
}

export function libraryContract(open: () => Promise<AsyncLibraryStore>): void {
  test('GIVEN documents added to two libraries THEN each lists, reads and counts only its own, and the same text twice is one document', async () => {
    const store = await open();
    const first = documentOf('g1', 'Night trains return to Europe’s rails.', 1);
    const second = documentOf('g1', 'Trams came back to Lindmark in 1994.', 2);
    const other = documentOf('g2', 'A text only the second server reads.', 3);
    for (const document of [first, second, other]) assert.equal((await store.add({ ...document, quota: roomy })).kind, 'added');
    const duplicate = await store.add({ ...documentOf('g1', first.text, 9), quota: roomy });
    assert.equal(duplicate.kind, 'duplicate');
    assert.ok(duplicate.kind === 'duplicate');
    assert.equal(duplicate.existing.documentId, first.record.documentId);

    assert.deepEqual(
      (await store.list('g1')).map((record) => [record.documentId, record.textCharacters, record.sourceUrl]),
      [
        [first.record.documentId, first.text.length, undefined],
        [second.record.documentId, second.text.length, undefined],
      ],
    );
    assert.deepEqual(await store.list('g3'), []);
    assert.deepEqual(await store.libraries(), ['g1', 'g2']);
    assert.equal(await store.text('g1', first.record.documentId), first.text);
    assert.equal(await store.text('g2', first.record.documentId), undefined);
    assert.deepEqual(await store.original('g1', second.record.documentId), second.original);
    assert.deepEqual(await store.usage('g1'), { documents: 2, bytes: first.original.length + second.original.length });

    const removed = await store.remove('g1', first.record.documentId);
    assert.equal(removed?.title, first.record.title);
    assert.equal(await store.remove('g1', first.record.documentId), undefined);
    assert.deepEqual(
      (await store.list('g1')).map((record) => record.documentId),
      [second.record.documentId],
    );
  });

  test('GIVEN a full library THEN adding is refused with what to do, by count and by size', async () => {
    const store = await open();
    await store.add({ ...documentOf('g1', 'one'), quota: { maxDocuments: 1, maxTotalBytes: 1_000 } });
    const byCount = await store.add({ ...documentOf('g1', 'two'), quota: { maxDocuments: 1, maxTotalBytes: 1_000 } });
    assert.deepEqual(byCount, { kind: 'over-quota', message: "This server's library is full (1 documents): remove one with /library remove first." });
    const bySize = await store.add({ ...documentOf('g1', 'three'), quota: { maxDocuments: 5, maxTotalBytes: 30 } });
    assert.equal(bySize.kind, 'over-quota');
    assert.ok(bySize.kind === 'over-quota');
    assert.match(bySize.message, /would hold more than 0 MiB: remove a document/u);
    assert.equal((await store.usage('g1')).documents, 1);
  });

  test('GIVEN eight documents added at once to a library with room for five THEN exactly five land, each once', async () => {
    const store = await open();
    const documents = Array.from({ length: 8 }, (_, index) => documentOf('g1', `Document number ${index} of the burst.`, index));
    const outcomes = await Promise.all(documents.map((document) => store.add({ ...document, quota: { maxDocuments: 5, maxTotalBytes: 1_000_000 } })));
    assert.equal(outcomes.filter((outcome) => outcome.kind === 'added').length, 5);
    assert.equal(outcomes.filter((outcome) => outcome.kind === 'over-quota').length, 3);
    const listed = await store.list('g1');
    assert.equal(listed.length, 5);
    assert.equal(new Set(listed.map((record) => record.contentHash)).size, 5);
  });

  test('GIVEN a library role THEN it is kept per server, and cleared again', async () => {
    const store = await open();
    assert.equal(await store.editorRole('g1'), undefined);
    await store.setEditorRole('g1', '1234567890');
    assert.equal(await store.editorRole('g1'), '1234567890');
    assert.equal(await store.editorRole('g2'), undefined);
    await store.setEditorRole('g1', undefined);
    assert.equal(await store.editorRole('g1'), undefined);
  });
}
