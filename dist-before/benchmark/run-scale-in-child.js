/** Runs one scale point in a child process (see scale-child.ts) and relays its progress lines. */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
export async function runScaleInChild(request, progress) {
    const child = fork(childModule(), [JSON.stringify(request)], { execArgv: loaderArguments(process.execArgv), stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const errorLines = [];
    let pending = '';
    child.stderr?.setEncoding('utf8').on('data', (text) => {
        const lines = (pending + text).split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
            errorLines.push(line);
            progress(line);
        }
    });
    return new Promise((resolve, reject) => {
        let result;
        child.on('message', (message) => {
            result = message;
        });
        child.on('error', reject);
        child.on('exit', (code, signal) => {
            if (result !== undefined)
                resolve(result);
            else
                reject(new Error(`the ${request.chunks}-chunk measurement failed (${signal ?? `exit code ${code}`}): ${[...errorLines, pending].filter(Boolean).slice(-5).join(' | ')}`));
        });
    });
}
/** scale-child.ts next to this file under tsx, scale-child.js in the compiled dist/. */
function childModule() {
    const here = fileURLToPath(import.meta.url);
    const candidate = path.join(path.dirname(here), `scale-child${path.extname(here)}`);
    if (!existsSync(candidate))
        throw new Error(`cannot find ${candidate}: run \`npm run build\``);
    return candidate;
}
/**
 * Only the options that load code (tsx's loader when run from source): the parent may be a test
 * runner whose --test flags must not turn the child into one too.
 */
export function loaderArguments(execArgv) {
    const kept = [];
    for (let position = 0; position < execArgv.length; position += 1) {
        const argument = execArgv[position] ?? '';
        if (/^--(import|require|loader|experimental-loader)=/u.test(argument))
            kept.push(argument);
        else if (/^(--import|--require|-r|--loader|--experimental-loader)$/u.test(argument) && execArgv[position + 1] !== undefined) {
            kept.push(argument, execArgv[position + 1]);
            position += 1;
        }
    }
    return kept;
}
//# sourceMappingURL=run-scale-in-child.js.map