/** Writing files so a crash or a concurrent reader never sees half of one. */
import { open, rename } from 'node:fs/promises';
/** Temporary file, fsync, rename: readers see the old content or the new, never half of it. */
export async function writeFileAtomic(file, content) {
    const temporary = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
    const handle = await open(temporary, 'w');
    try {
        await handle.writeFile(content);
        await handle.sync();
    }
    finally {
        await handle.close();
    }
    await rename(temporary, file);
}
/** Makes a rename inside a directory durable; a no-op where the file system refuses. */
export async function fsyncDirectory(directory) {
    try {
        const handle = await open(directory, 'r');
        try {
            await handle.sync();
        }
        finally {
            await handle.close();
        }
    }
    catch {
        // Some file systems refuse to fsync a directory; the rename is still atomic there.
    }
}
//# sourceMappingURL=write-file-atomic.js.map