/** The machine a benchmark ran on: figures mean little without it. */
import os from 'node:os';
export function describeMachine() {
    const cpus = os.cpus();
    return {
        cpu: cpus[0]?.model.trim() ?? 'unknown',
        cores: os.availableParallelism(),
        memory_gb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
        node: process.version,
        os: `${os.type()} ${os.release()} ${process.arch}`,
    };
}
//# sourceMappingURL=machine.js.map