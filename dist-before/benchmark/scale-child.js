/**
 * Entry point of the child process that measures one scale point: one size per process, so the
 * resident memory reported is that size's own and not what earlier sizes left behind.
 * Receives a ScaleRequest as JSON in argv, sends a ScaleResult over the IPC channel, logs to stderr.
 */
import { measureScale } from './measure-scale.js';
const request = JSON.parse(process.argv[2] ?? '{}');
const send = process.send?.bind(process);
if (send === undefined) {
    process.stderr.write('scale-child is started by the benchmark (fork with an IPC channel), not directly\n');
    process.exit(2);
}
try {
    const result = await measureScale(request, (line) => process.stderr.write(`${line}\n`));
    send(result, () => process.exit(0));
}
catch (error) {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
}
//# sourceMappingURL=scale-child.js.map