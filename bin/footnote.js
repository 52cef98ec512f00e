#!/usr/bin/env node
// The installed command. It runs the compiled CLI from dist/ (built by `npm ci` through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('footnote is not built yet: run `npm run build` (npm ci does it for you).\n');
  process.exit(1);
}
await import(entry.href);
