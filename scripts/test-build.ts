/**
 * src/ as JavaScript for what the tests run in a process or thread of its own (`footnote start`, `ingest`,
 * `ask`, ..., the library's ingest worker, the scripts in tests/<folder>/fixtures/ that tests start as
 * processes): `npm test` transpiles them once at its start, with esbuild, the transpiler tsx uses for everything
 * else the tests load, so those processes and threads run the same code without paying tsx in each of them
 * (1–2 s of CPU per process start, about 0.6 s per worker thread). Made fresh on every run from the source of
 * the moment, never reused.
 *
 * The folder is laid out like the project (src/ and tests/<folder>/fixtures/ as JavaScript, models/ and
 * node_modules/ linked back), so the paths the code finds next to itself resolve as they do from src/ and dist/.
 */
import { copyFileSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/** Transpiles src/ and the fixture scripts of `root` into `folder`, which it returns (see builtScript). */
export async function buildForTests(root: string, folder: string): Promise<string> {
  const typescript = (under: string, keep: (file: string) => boolean = () => true) =>
    readdirSync(path.join(root, under), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && keep(file))
      .map((file) => path.join(root, under, file));
  const fixture = (file: string) => file.split(path.sep).includes('fixtures');
  await build({
    entryPoints: [...typescript('src'), ...typescript('tests', fixture)],
    outdir: folder,
    outbase: root,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  for (const linked of ['models', 'node_modules']) symlinkSync(path.join(root, linked), path.join(folder, linked));
  copyFileSync(path.join(root, 'package.json'), path.join(folder, 'package.json'));
  return folder;
}
