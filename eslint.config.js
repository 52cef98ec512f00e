// ESLint 9 flat config: typescript-eslint's type-checked rules, and the layers of src/ as an import-boundary rule.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/**
 * The folders of src/ and what each may import (besides itself). This list is the architecture: the README's
 * picture is drawn from it (tests/architecture/layers.test.ts checks they agree), and an import it does not
 * allow fails `npm run lint`. It is a DAG, so no two folders can import each other.
 */
export const layers = {
  config: [],
  logger: ['config'],
  database: ['logger'],
  'seeded-random': [],
  files: [],
  language: [],
  llm: ['config', 'logger'],
  corpus: ['language'],
  chunking: ['corpus', 'language'],
  question: ['language'],
  embeddings: ['config', 'files', 'language'],
  'vector-index': ['chunking', 'corpus', 'embeddings', 'files', 'logger'],
  retrieval: ['chunking', 'corpus', 'embeddings', 'language', 'question', 'vector-index'],
  answering: ['chunking', 'config', 'corpus', 'language', 'llm', 'logger', 'question', 'retrieval'],
  conversation: ['answering', 'config', 'language', 'llm', 'logger'],
  storage: ['corpus', 'database', 'logger'],
  study: ['answering', 'config', 'corpus', 'database', 'language', 'llm', 'logger', 'seeded-random', 'storage'],
  engine: [
    'answering',
    'chunking',
    'config',
    'conversation',
    'corpus',
    'embeddings',
    'language',
    'llm',
    'logger',
    'question',
    'retrieval',
    'study',
    'vector-index',
  ],
  evaluation: ['answering', 'config', 'corpus', 'embeddings', 'engine', 'language', 'logger', 'seeded-random', 'study'],
  library: ['config', 'corpus', 'database', 'embeddings', 'engine', 'files', 'logger'],
  commands: ['answering', 'config', 'corpus', 'engine', 'files', 'language', 'library', 'logger', 'storage', 'study'],
  discord: ['commands', 'config', 'engine', 'library', 'logger', 'storage', 'study'],
  console: ['commands', 'storage'],
  benchmark: ['chunking', 'config', 'corpus', 'embeddings', 'engine', 'evaluation', 'language', 'library', 'logger', 'seeded-random', 'vector-index'],
  cli: [
    'answering',
    'benchmark',
    'commands',
    'config',
    'console',
    'conversation',
    'corpus',
    'database',
    'discord',
    'engine',
    'evaluation',
    'files',
    'language',
    'library',
    'logger',
    'storage',
    'study',
  ],
};

/** Layers that are single modules at the top of src/ rather than folders (the engine is both: engine*.ts and engine/). */
const topLevelModules = { config: ['src/config.ts'], logger: ['src/logger.ts'], 'seeded-random': ['src/seeded-random.ts'], engine: ['src/engine*.ts'] };

/** Folders are elements; top-level modules are files classified by category (the plugin's elements are folders only). */
const elements = Object.keys(layers)
  .filter((type) => !(type in topLevelModules) || type === 'engine')
  .map((type) => ({ type, partialMatch: false, pattern: `src/${type}/**` }));
const files = Object.entries(topLevelModules).flatMap(([category, patterns]) => patterns.map((pattern) => ({ category, pattern })));
/** A layer as a dependency selector: its folder, or its top-level module. */
const layer = (type) => [{ element: { type } }, { file: { categories: type } }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'corpus/**', 'bin/**', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: './tsconfig.check.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test's test() and describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite'] }] },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      // Off: command handlers and fakes are async to satisfy a Promise-returning contract without awaiting anything.
      '@typescript-eslint/require-await': 'off',
      // Off: wink-nlp's its.* helpers are plain functions meant to be passed (token.out(its.pos)); this flags every use.
      '@typescript-eslint/unbound-method': 'off',
      // `const { flags: _flags, ...rest } = x` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/files': files,
      'import/resolver': { typescript: { project: './tsconfig.json' } },
    },
    rules: {
      // Every start of the bot and every test process pays for what src/ imports at the top.
      'no-restricted-imports': [
        'error',
        { name: 'chrono-node', message: "Import 'chrono-node/en': the package root loads every locale (~0.5 s at each start)." },
        { name: 'linkedom', message: 'Import it only from src/library/html-to-markdown.ts, which is loaded on first use (~0.4 s).' },
      ],
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: Object.entries(layers).map(([from, allowed]) => ({
            from: layer(from),
            allow: { to: [from, ...allowed].flatMap(layer) },
          })),
        },
      ],
    },
  },
);
