/**
 * Long sync work written once as a generator that yields between small slices of it, then run either at once
 * or in turns of the event loop: a bot opening a library's index keeps answering meanwhile. A turn is given
 * up only after SLICE_MS of work, so a small corpus pays nothing for it.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

const SLICE_MS = 4;

export type Sliced<T> = Generator<void, T, void>;

export function runAtOnce<T>(work: Sliced<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done === true) return step.value;
  }
}

export async function runInTurns<T>(work: Sliced<T>): Promise<T> {
  let sliceStarted = performance.now();
  for (;;) {
    const step = work.next();
    if (step.done === true) return step.value;
    if (performance.now() - sliceStarted >= SLICE_MS) {
      await nextTurn();
      sliceStarted = performance.now();
    }
  }
}
