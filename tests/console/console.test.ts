import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { consoleFeedbackStore } from '../../src/console/console-feedback-store.js';
import { connectHint, runConsole } from '../../src/console/console-session.js';
import { parseConsoleLine } from '../../src/console/parse-console-line.js';
import { slashCommands } from '../../src/commands/command-list.js';
import { silentLogger } from '../../src/logger.js';
import { realEngine, repositoryRoot } from '../discord/bot-harness.js';
import { footnoteCommand } from '../helpers/footnote-command.js';

test('GIVEN console lines THEN they fill the slash command options the way Discord would', () => {
  const parse = (line: string) => {
    const parsed = parseConsoleLine(line, slashCommands);
    return parsed.kind === 'command' ? { kind: 'command', name: parsed.command.data.name, options: Object.fromEntries(parsed.options) } : parsed;
  };
  assert.deepEqual(parse('/ask Why did Baku close the Russian House?'), {
    kind: 'command',
    name: 'ask',
    options: { question: 'Why did Baku close the Russian House?' },
  });
  assert.deepEqual(parse('What is the outlook: fire or not?'), { kind: 'command', name: 'ask', options: { question: 'What is the outlook: fire or not?' } });
  assert.deepEqual(parse('/ask question:Who wrote it? private:true'), { kind: 'command', name: 'ask', options: { question: 'Who wrote it?', private: true } });
  assert.deepEqual(parse('/passage 12'), { kind: 'command', name: 'passage', options: { paragraph: 12 } });
  assert.deepEqual(parse('/summary section:Media provocations and public criticism of Moscow length:long'), {
    kind: 'command',
    name: 'summary',
    options: { section: 'Media provocations and public criticism of Moscow', length: 'long' },
  });
  assert.deepEqual(parse('   '), { kind: 'empty' });
  assert.deepEqual(parse('/quit'), { kind: 'quit' });
  assert.equal(parse('/passage twelve').kind, 'problem');
  assert.equal(parse('/summary length:medium').kind, 'problem');
  assert.equal(parse('/ask').kind, 'problem');
  assert.match((parseConsoleLine('/nope', slashCommands) as { message: string }).message, /Unknown command \/nope/);
});

test('GIVEN piped commands THEN the console answers each through the same handlers, as text', async () => {
  const engine = await realEngine();
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  input.end(
    [
      '/ask Why did Baku close the Russian House?',
      'Tell me about the Azal plane that was shot down.',
      'How many people died?',
      '/passage paragraph:10',
      '/summary section:Media provocations length:short',
      '/reindex-typo',
      '/about',
      '',
    ].join('\n'),
  );
  const summary = await runConsole({
    services: { engine, feedback: consoleFeedbackStore, study: undefined, logger: silentLogger, now: () => new Date(), newId: () => 'id' },
    input,
    output,
    interactive: false,
    sessionId: 'test',
  });
  assert.deepEqual(summary, { commands: 6, problems: 1 });
  assert.equal(text.split('\n')[0], connectHint, 'one line on how to connect to Discord');
  assert.match(
    text,
    /\n[^\n“]*accused of facilitating Russian intelligence activities in Baku[^\n]*\n\s+— Symbolic actions and the reduction of Russian cultural influence · ¶ 10 · characters \d+–\d+\n/,
    'the answer line first, then where it stands',
  );
  assert.match(text, /killing 67 people/, 'a follow-up in the same console session');
  assert.match(text, /Whole paragraph: \/passage 10/);
  assert.match(text, /Key points: Media provocations and public criticism of Moscow/);
  assert.match(text, /Unknown command \/reindex-typo/);
  assert.match(text, /About footnote/);
  assert.doesNotMatch(text, /\\\(|\*\*/, 'no Discord markdown in the terminal');
});

test('GIVEN `footnote start` without DISCORD_TOKEN and piped input THEN it answers and exits 0', async () => {
  const child = spawn(process.execPath, [...footnoteCommand(), 'start'], {
    cwd: repositoryRoot,
    env: { ...process.env, DISCORD_TOKEN: '', LOG_LEVEL: 'warn' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdin.end('/ask Why did Baku close the Russian House?\n/help\n');
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, 0, stderr);
  assert.match(stdout, /deploy-commands/);
  assert.match(stdout, /accused of facilitating Russian intelligence activities in Baku/);
  assert.match(stdout, /\/ask question/);
});
