/**
 * `npx footnote …` for the tests, two ways: in this process (main() with its output captured; a process start
 * costs seconds on a busy machine) for what the command prints and returns, and as a process of its own
 * for what only a process shows (its real stdout, exit code, stderr from start-up).
 */
import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { footnoteCommand } from './footnote-command.js';

export interface FootnoteRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** main() in this process; it reads its configuration from process.env, as `npx footnote` does. */
export async function runFootnote(...argv: string[]): Promise<FootnoteRun & { readonly code: number }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await main(argv, { stdout, stderr, stdin: new PassThrough() });
  return { code, stdout: out, stderr: err };
}

/** `footnote …` as a child process, with only PATH and `environment` in its environment. */
export function footnoteProcess(argv: readonly string[], options: { cwd: string; environment: Record<string, string>; timeoutMs?: number }): FootnoteRun {
  const result = spawnSync(process.execPath, [...footnoteCommand(), ...argv], {
    cwd: options.cwd,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', ...options.environment },
    ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
