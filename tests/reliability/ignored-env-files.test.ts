/** Secrets files are never committed: .env and its local / per-environment variants are ignored, the example is not. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { projectRoot } from '../helpers/test-config.js';

const inRepository = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: projectRoot, encoding: 'utf8' }).stdout.trim() === 'true';

test('GIVEN .env, .env.local and .env.production THEN git ignores them and keeps .env.example', { skip: !inRepository && 'not a git checkout' }, () => {
  const ignored = (file: string) => spawnSync('git', ['check-ignore', '--no-index', '-q', file], { cwd: projectRoot }).status === 0;
  for (const file of ['.env', '.env.local', '.env.production', '.env.development.local']) assert.ok(ignored(file), `${file} is ignored`);
  assert.ok(!ignored('.env.example'), '.env.example is shared');
});
