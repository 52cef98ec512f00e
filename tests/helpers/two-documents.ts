/** A temporary corpus holding the Baku article and a second real article (Markdown, title on a plain first line). */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { articleFile, projectRoot, temporaryFolder } from './test-config.js';

export const secondArticleFile = path.join(projectRoot, 'tests/fixtures/night-trains-return.md');

export function twoDocumentCorpus(): { path: string; remove: () => void } {
  const folder = temporaryFolder('two-documents');
  copyFileSync(articleFile, path.join(folder.path, path.basename(articleFile)));
  copyFileSync(secondArticleFile, path.join(folder.path, path.basename(secondArticleFile)));
  return folder;
}
