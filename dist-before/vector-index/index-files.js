/**
 * The index on disk: `manifest.json` plus the files it names, each with its size and sha256.
 *
 * Writing is atomic: every file goes to a temporary name, is fsynced and renamed; the manifest is
 * written last, so it is the commit point. A crash at any moment leaves the previous manifest — and
 * the files it names — in place. hnswlib's own write is not atomic, hence the temporary file.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDirectory, writeFileAtomic } from '../files/write-file-atomic.js';
export const INDEX_FORMAT_VERSION = 1;
export async function writeIndexFiles(directory, input) {
    await mkdir(directory, { recursive: true });
    const generation = `${Date.now().toString(36)}-${process.pid}`;
    const vectorsName = `vectors-${generation}.hnsw`;
    const documentsName = `documents-${generation}.json`;
    const vectorsTemporary = path.join(directory, `${vectorsName}.tmp`);
    await input.writeVectors(vectorsTemporary);
    const vectorsHandle = await open(vectorsTemporary, 'r+');
    try {
        await vectorsHandle.sync();
    }
    finally {
        await vectorsHandle.close();
    }
    await rename(vectorsTemporary, path.join(directory, vectorsName));
    const documentsEntry = await writeJsonArrayAtomic(directory, documentsName, input.documents);
    const manifest = {
        ...input.manifest,
        formatVersion: INDEX_FORMAT_VERSION,
        files: { vectors: await describeFile(directory, vectorsName), documents: documentsEntry },
    };
    await writeFileAtomic(path.join(directory, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await fsyncDirectory(directory);
    await removeOtherGenerations(directory, new Set([vectorsName, documentsName, 'manifest.json']));
    return manifest;
}
export async function readIndexFiles(directory) {
    let manifest;
    try {
        manifest = JSON.parse(await readFile(path.join(directory, 'manifest.json'), 'utf8'));
    }
    catch (error) {
        const missing = error.code === 'ENOENT';
        return { ok: false, reason: missing ? 'missing' : 'corrupt', detail: missing ? 'no index has been built yet' : 'manifest.json is not valid JSON' };
    }
    if (typeof manifest.formatVersion !== 'number' || manifest.files?.vectors === undefined || manifest.files.documents === undefined) {
        return { ok: false, reason: 'corrupt', detail: 'manifest.json lacks its format version or file list' };
    }
    if (manifest.formatVersion > INDEX_FORMAT_VERSION) {
        return {
            ok: false,
            reason: 'newer-version',
            detail: `the index was written by a newer footnote (format ${manifest.formatVersion}, this one reads ${INDEX_FORMAT_VERSION})`,
        };
    }
    for (const entry of [manifest.files.vectors, manifest.files.documents]) {
        const problem = await checkFile(directory, entry);
        if (problem !== undefined)
            return { ok: false, reason: 'corrupt', detail: problem };
    }
    let documents;
    try {
        documents = JSON.parse(await readFile(path.join(directory, manifest.files.documents.name), 'utf8'));
    }
    catch {
        return { ok: false, reason: 'corrupt', detail: `${manifest.files.documents.name} is not valid JSON` };
    }
    return { ok: true, manifest, vectorsFile: path.join(directory, manifest.files.vectors.name), documents };
}
async function checkFile(directory, entry) {
    const file = path.join(directory, path.basename(entry.name));
    let size;
    try {
        size = (await stat(file)).size;
    }
    catch {
        return `${entry.name} is missing`;
    }
    if (size !== entry.bytes)
        return `${entry.name} has ${size} bytes, the manifest says ${entry.bytes} (truncated or overwritten)`;
    const digest = createHash('sha256')
        .update(await readFile(file))
        .digest('hex');
    return digest === entry.sha256 ? undefined : `${entry.name} does not match its checksum (damaged)`;
}
async function describeFile(directory, name) {
    const hash = createHash('sha256');
    const handle = await open(path.join(directory, name), 'r');
    const buffer = Buffer.alloc(1 << 20);
    let bytes = 0;
    try {
        for (;;) {
            const { bytesRead } = await handle.read(buffer, 0, buffer.length, bytes);
            if (bytesRead === 0)
                break;
            hash.update(buffer.subarray(0, bytesRead));
            bytes += bytesRead;
            await new Promise((resolve) => setImmediate(resolve));
        }
    }
    finally {
        await handle.close();
    }
    return { name, bytes, sha256: hash.digest('hex') };
}
/** JSON array written in slices with awaits between them, hashed as it goes: no 80 MB string, no long stall. */
async function writeJsonArrayAtomic(directory, name, items) {
    const file = path.join(directory, name);
    const temporary = `${file}.${process.pid}.tmp`;
    const handle = await open(temporary, 'w');
    const hash = createHash('sha256');
    let bytes = 0;
    const write = async (text) => {
        const buffer = Buffer.from(text, 'utf8');
        hash.update(buffer);
        bytes += buffer.length;
        await handle.write(buffer);
    };
    try {
        if (items.length === 0)
            await write('[]');
        for (let start = 0; start < items.length; start += 1000) {
            await write((start === 0 ? '[' : ',') +
                items
                    .slice(start, start + 1000)
                    .map((item) => JSON.stringify(item))
                    .join(',') +
                (start + 1000 >= items.length ? ']' : ''));
        }
        await handle.sync();
    }
    finally {
        await handle.close();
    }
    await rename(temporary, file);
    return { name, bytes, sha256: hash.digest('hex') };
}
async function removeOtherGenerations(directory, keep) {
    for (const name of await readdir(directory)) {
        if (keep.has(name))
            continue;
        if (/^(vectors|documents)-.+\.(hnsw|json)(\.tmp)?$/u.test(name) || /\.tmp$/u.test(name)) {
            await rm(path.join(directory, name), { force: true });
        }
    }
}
//# sourceMappingURL=index-files.js.map