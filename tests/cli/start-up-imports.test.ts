/**
 * What `footnote ask` and `footnote quiz` load before they run: the packages reached by the static imports of
 * their modules (a dynamic `import()` runs only when its branch does). Each package named here costs 0.05–0.2 s
 * of CPU at every start and is needed only by some runs (--server, a model, the bot).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const source = path.resolve(import.meta.dirname, '../../src');

/** The packages a module loads through its static value imports, followed through src/. */
function packagesLoadedBy(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const parsed = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    for (const statement of parsed.statements) {
      const isImport = ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly !== true;
      const isExport = ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.moduleSpecifier !== undefined;
      if (!isImport && !isExport) continue;
      const specifier = (statement.moduleSpecifier as ts.StringLiteral).text;
      if (specifier.startsWith('.')) visit(path.resolve(path.dirname(file), specifier.replace(/\.js$/u, '.ts')));
      else if (!specifier.startsWith('node:'))
        packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? ''));
    }
  };
  visit(path.join(source, entry));
  return packages;
}

const ONLY_FOR_SOME_RUNS = [
  'pg',
  'better-sqlite3',
  'discord.js',
  '@langchain/openai',
  '@langchain/textsplitters',
  'fflate',
  'mammoth',
  'pdfjs-dist',
  'linkedom',
];
/**
 * Checks the configuration and the answer selector by hand rather than load it (~0.2 s of CPU); wink-nlp and
 * chrono-node are required on first use (a quiz whose language-model answers are saved loads neither).
 */
const NOT_AT_START = ['zod', 'wink-nlp', 'wink-eng-lite-web-model', 'chrono-node'];

for (const command of ['ask', 'quiz']) {
  test(`GIVEN footnote ${command} THEN its start loads no database driver, discord.js, model client, document reader, zod or language model`, () => {
    const loaded = packagesLoadedBy(`cli/commands/${command}.ts`);
    assert.deepEqual(
      [...ONLY_FOR_SOME_RUNS, ...NOT_AT_START].filter((name) => loaded.has(name)),
      [],
    );
  });
}
