/**
 * Start-up: a fresh `footnote ask --json` process with the article's index already on disk, timed from
 * spawn to the answer on stdout. The compiled CLI (bin/footnote.js → dist/) is what users run, so it is
 * rebuilt first when src/ is newer; if it cannot be built, the source is run through tsx instead and the
 * figure says so (tsx compiles on the fly, so that start is slower than a real one).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export type ColdStartMethod = 'bin/footnote.js (dist)' | 'node --import tsx src/cli/main.ts';

export interface ColdStartRequest {
  readonly packageRoot: string;
  readonly question: string;
  /** Passed to the child as FOOTNOTE_* variables; its model settings are blanked so it answers offline. */
  readonly corpusDir: string;
  readonly dataDir: string;
  readonly modelDir: string;
  readonly runs: number;
  /** False in tests: never rebuild dist/, use tsx when it is stale. */
  readonly allowBuild: boolean;
}

export interface ColdStartResult {
  /** Median over the runs. */
  readonly milliseconds: number;
  readonly runs: readonly number[];
  readonly method: ColdStartMethod;
}

export async function measureColdStart(request: ColdStartRequest, progress: (line: string) => void): Promise<ColdStartResult> {
  const method = await chooseMethod(request, progress);
  const command = startArguments(method, request.packageRoot);
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    FOOTNOTE_CORPUS_DIR: request.corpusDir,
    FOOTNOTE_DATA_DIR: request.dataDir,
    FOOTNOTE_MODEL_DIR: request.modelDir,
    // Empty rather than absent, so a .env file cannot bring a model back in (dotenv never overrides).
    OPENAI_API_KEY: '',
    OPENAI_BASE_URL: '',
    EMBEDDING_MODEL: '',
    CHAT_MODEL: '',
    LOG_LEVEL: 'warn',
  };
  const runs: number[] = [];
  for (let run = 0; run < request.runs; run += 1) {
    runs.push(await timeOneStart([...command, 'ask', request.question, '--json'], request.packageRoot, environment));
  }
  const sorted = [...runs].sort((first, second) => first - second);
  return { milliseconds: Math.round(sorted[Math.floor((sorted.length - 1) / 2)] ?? 0), runs: runs.map(Math.round), method };
}

/** Node's arguments that start the CLI the chosen way. */
export function startArguments(method: ColdStartMethod, packageRoot: string): string[] {
  return method === 'bin/footnote.js (dist)'
    ? [path.join(packageRoot, 'bin', 'footnote.js')]
    : ['--import', import.meta.resolve('tsx'), path.join(packageRoot, 'src', 'cli', 'main.ts')];
}

/** Milliseconds from spawn until a complete JSON answer has arrived on stdout. */
function timeOneStart(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let answeredAt: number | undefined;
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      if (answeredAt === undefined && stdout.includes('\n')) answeredAt = performance.now();
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const answer = parseAnswer(stdout);
      if (code !== 0 || answeredAt === undefined || answer === undefined) {
        reject(new Error(`\`footnote ask\` exited with ${code}: ${(stderr || stdout).trim().slice(0, 300)}`));
        return;
      }
      resolve(answeredAt - started);
    });
  });
}

function parseAnswer(stdout: string): { answer: string } | undefined {
  try {
    const parsed = JSON.parse(stdout) as { answer?: unknown };
    return typeof parsed.answer === 'string' ? { answer: parsed.answer } : undefined;
  } catch {
    return undefined;
  }
}

export async function chooseMethod(request: Pick<ColdStartRequest, 'packageRoot' | 'allowBuild'>, progress: (line: string) => void): Promise<ColdStartMethod> {
  const entry = path.join(request.packageRoot, 'dist', 'cli', 'main.js');
  if (isFresh(entry, path.join(request.packageRoot, 'src'))) return 'bin/footnote.js (dist)';
  if (!request.allowBuild) return 'node --import tsx src/cli/main.ts';
  progress('dist/ is missing or older than src/: running the build (tsc -p tsconfig.json) first');
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [path.join(request.packageRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], {
      cwd: request.packageRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.on('error', () => resolve(null));
    child.on('close', resolve);
  });
  if (isFresh(entry, path.join(request.packageRoot, 'src'))) {
    // tsc writes JavaScript even when it reports type errors; that output is what `npm run build` leaves too.
    if (code !== 0) progress('the build reported type errors but wrote dist/; measuring that');
    return 'bin/footnote.js (dist)';
  }
  progress('the build did not produce dist/: measuring the start through tsx instead (slower than a built start)');
  return 'node --import tsx src/cli/main.ts';
}

/** True when the compiled entry exists and no source file is newer than it. */
function isFresh(entry: string, sourceFolder: string): boolean {
  if (!existsSync(entry)) return false;
  const built = statSync(entry).mtimeMs;
  return newestModification(sourceFolder) <= built;
}

function newestModification(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestModification(full) : statSync(full).mtimeMs);
  }
  return newest;
}
