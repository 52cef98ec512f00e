/**
 * Two writers of one index (`ingest --force` beside a bot's /reindex) and a killed writer: issue 12 found the
 * loser failing with a raw ENOENT and a 100 MB temporary file left until the next good save.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { LockBusyError, withLockFile } from '../../src/files/lock-file.js';
import { readIndexFiles, removeOrphanedTemporaryFiles, writeIndexFiles } from '../../src/vector-index/index-files.js';
import { temporaryFolder } from '../helpers/test-config.js';

/** A writer whose vectors file takes a few turns of the event loop, so two writers overlap. */
function writer(label: string) {
  return {
    writeVectors: async (file: string) => {
      for (let turn = 0; turn < 5; turn += 1) await nextTurn();
      await writeFile(file, `vectors of ${label}`);
    },
    documents: [{ pageContent: `passage of ${label}`, metadata: { writer: label }, id: label }],
    manifest: { provider: 'test', model: label },
  };
}

/** A pid no process has any more. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid ?? 999_999;
}

test('GIVEN two writers of one index at once THEN both finish and the index on disk is one whole generation', async () => {
  const folder = temporaryFolder('two-writers');
  try {
    const results = await Promise.all([writeIndexFiles(folder.path, writer('first')), writeIndexFiles(folder.path, writer('second'))]);
    assert.equal(results.length, 2);
    const read = await readIndexFiles(folder.path);
    assert.ok(read.ok, read.ok ? '' : read.detail);
    assert.deepEqual(
      read.documents.map((document) => document.id),
      [read.manifest.model],
    );
    const left = readdirSync(folder.path).sort();
    assert.deepEqual(left, ['manifest.json', read.manifest.files.documents.name, read.manifest.files.vectors.name].sort());
  } finally {
    folder.remove();
  }
});

test('GIVEN a lock held by a running process THEN a writer gives up with a message that names it and says what to do', async () => {
  const folder = temporaryFolder('busy-lock');
  try {
    const lock = path.join(folder.path, 'index.lock');
    writeFileSync(lock, `${process.ppid}\n`);
    await assert.rejects(
      withLockFile(lock, { what: 'the index', waitMs: 0 }, async () => 'written'),
      (error: unknown) =>
        error instanceof LockBusyError &&
        error.message.includes(`pid ${process.ppid}`) &&
        error.message.includes(lock) &&
        /wait for it to finish/.test(error.message),
    );
    assert.ok(existsSync(lock), 'another process’s lock is left alone');
  } finally {
    folder.remove();
  }
});

test('GIVEN a lock left by a killed writer THEN the next writer takes it over and removes the temporary files it left', async () => {
  const folder = temporaryFolder('stale-lock');
  try {
    writeFileSync(path.join(folder.path, 'index.lock'), `${deadPid()}\n`);
    writeFileSync(path.join(folder.path, 'vectors-killed.hnsw.tmp'), 'half a file');
    assert.deepEqual(await removeOrphanedTemporaryFiles(folder.path), ['vectors-killed.hnsw.tmp']);
    await writeIndexFiles(folder.path, writer('after'));
    const read = await readIndexFiles(folder.path);
    assert.ok(read.ok);
    assert.ok(!readdirSync(folder.path).some((name) => name.endsWith('.tmp') || name === 'index.lock'));
  } finally {
    folder.remove();
  }
});

test('GIVEN a writer at work THEN its temporary files are not taken for orphans', async () => {
  const folder = temporaryFolder('live-writer');
  try {
    const lock = path.join(folder.path, 'index.lock');
    const kept = await withLockFile(lock, { what: 'the index' }, async () => {
      writeFileSync(path.join(folder.path, 'vectors-live.hnsw.tmp'), 'being written');
      return removeOrphanedTemporaryFiles(folder.path);
    });
    assert.deepEqual(kept, []);
    assert.ok(existsSync(path.join(folder.path, 'vectors-live.hnsw.tmp')));
  } finally {
    folder.remove();
  }
});
