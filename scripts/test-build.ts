/**
 * src/ as JavaScript for the tests that start footnote as a process of its own (`footnote start`, `ingest`,
 * `ask`, ...): `npm test` transpiles it once at its start, with esbuild, the transpiler tsx uses for everything
 * else the tests load, so those processes run the same code without paying tsx in each of them (1–2 s of CPU
 * per process start). Made fresh on every run from the src/ of the moment, never reused.
 *
 * The folder is laid out like the project (build/ in place of src/, models/ and node_modules/ linked back), so
 * the paths src/ finds next to itself resolve as they do from src/ and dist/.
 */
import { copyFileSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/** Transpiles src/ of `root` into `folder`; the path of the command line's entry, for `node <path> ...`. */
export async function buildForTests(root: string, folder: string): Promise<string> {
  const source = path.join(root, 'src');
  const entryPoints = readdirSync(source, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(source, file));
  await build({
    entryPoints,
    outdir: path.join(folder, 'build'),
    outbase: source,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  for (const linked of ['models', 'node_modules']) symlinkSync(path.join(root, linked), path.join(folder, linked));
  copyFileSync(path.join(root, 'package.json'), path.join(folder, 'package.json'));
  return path.join(folder, 'build', 'cli', 'main.js');
}
