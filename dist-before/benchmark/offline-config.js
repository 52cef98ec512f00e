/**
 * The benchmark compares pipelines on the same local embeddings, offline: whatever model the user has
 * configured is set aside. An index built with other embeddings is never overwritten; the benchmark then
 * builds its own in a temporary data folder.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
export async function offlineConfig(config) {
    const offline = { ...config, llm: undefined, embeddings: { provider: 'local' } };
    if (config.embeddings.provider === 'local')
        return { config: offline, temporaryDataDir: undefined };
    const dataDir = await mkdtemp(path.join(tmpdir(), 'footnote-bench-data-'));
    return { config: { ...offline, dataDir, databaseFile: path.join(dataDir, 'footnote.sqlite') }, temporaryDataDir: dataDir };
}
//# sourceMappingURL=offline-config.js.map