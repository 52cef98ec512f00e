/** Configs for tests: the real corpus by default, a fresh data folder, and the shared converted word vectors. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfig, type Config } from '../../src/config.js';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const articleCorpus = path.join(projectRoot, 'corpus');
export const articleFile = path.join(articleCorpus, 'how-baku-is-playing-with-fire.txt');
/** Converted once per machine and shared by every test (the conversion takes seconds). */
export const sharedModelDir = path.join(projectRoot, 'data', 'models');

export function temporaryFolder(prefix: string): { path: string; remove: () => void } {
  const folder = mkdtempSync(path.join(tmpdir(), `footnote-${prefix}-`));
  return { path: folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return readConfig({ FOOTNOTE_CORPUS_DIR: articleCorpus, FOOTNOTE_MODEL_DIR: sharedModelDir, LOG_LEVEL: 'silent', ...overrides }, { cwd: projectRoot });
}
