/**
 * No import cycle in src/, between folders or inside one (run by `npm run lint`). The boundaries rule of
 * eslint.config.js keeps the folders a DAG; this finds a cycle among files of one folder too. Type-only
 * imports count: a cycle of types is still two modules that cannot be read one without the other.
 *
 *   node --import tsx scripts/check-import-cycles.ts [DIR]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(process.argv[2] ?? 'src');
const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.ts'))
  .map((name) => path.join(root, name));
const known = new Set(files);

/** The files of src/ a file imports (relative specifiers, `.js` written for the `.ts` file). */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => path.resolve(path.dirname(file), specifier.replace(/\.js$/u, '.ts')))
    .filter((target) => known.has(target));
}

const graph = new Map(files.map((file) => [file, importsOf(file)]));

// Tarjan's strongly connected components: any component of two or more files (or a file importing itself) is a cycle.
const index = new Map<string, number>();
const low = new Map<string, number>();
const stack: string[] = [];
const onStack = new Set<string>();
const cycles: string[][] = [];
let counter = 0;
function visit(file: string): void {
  index.set(file, counter);
  low.set(file, counter);
  counter += 1;
  stack.push(file);
  onStack.add(file);
  for (const next of graph.get(file) ?? []) {
    if (!index.has(next)) {
      visit(next);
      low.set(file, Math.min(low.get(file) ?? 0, low.get(next) ?? 0));
    } else if (onStack.has(next)) low.set(file, Math.min(low.get(file) ?? 0, index.get(next) ?? 0));
  }
  if (low.get(file) !== index.get(file)) return;
  const component: string[] = [];
  for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
    onStack.delete(member);
    component.push(member);
    if (member === file) break;
  }
  if (component.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(component);
}
for (const file of files) if (!index.has(file)) visit(file);

if (cycles.length > 0) {
  for (const cycle of cycles) console.error(`import cycle: ${cycle.map((file) => path.relative(process.cwd(), file)).join(' <-> ')}`);
  console.error('Break it: move what both need into a module both import, or import the type from where it is defined.');
  process.exitCode = 1;
} else console.log(`no import cycle among ${files.length} files of ${path.relative(process.cwd(), root) || '.'}`);
