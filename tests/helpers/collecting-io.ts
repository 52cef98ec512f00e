/** A CliIo whose stdout and stderr are collected as text, for running a CLI command in-process. */
import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/cli-command.js';

export function collectingIo(): { io: CliIo; stdout: () => string; stderr: () => string } {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  err.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  return { io: { stdout: out, stderr: err, stdin: Readable.from([]) }, stdout: () => stdout, stderr: () => stderr };
}
