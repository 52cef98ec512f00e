#!/usr/bin/env node
// The installed command. It runs the compiled CLI from dist/ (built by `npm ci` through the prepare script).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('footnote is not built yet: run `npm run build` (npm ci does it for you).\n');
  process.exit(1);
}

// In a working copy, say so when the sources changed after the last build: dist/ is what runs.
const sources = fileURLToPath(new URL('../src', import.meta.url));
if (existsSync(sources)) {
  const built = statSync(fileURLToPath(entry)).mtimeMs;
  const newer = readdirSync(sources, { recursive: true }).some((name) => String(name).endsWith('.ts') && statSync(`${sources}/${name}`).mtimeMs > built);
  if (newer) process.stderr.write('footnote: src/ changed since the last build; run `npm run build` to use the changes.\n');
}
await import(entry.href);
