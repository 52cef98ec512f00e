/**
 * Keeps Discord's acknowledgements ahead of the answers. An answer is computed on the event loop (40–200 ms of
 * CPU on a 20 MB corpus), and while it runs nothing else does: not the gateway's next interaction, not the
 * response to a deferral already sent. When a burst's answers started as soon as their own deferral came back,
 * the other deferrals waited behind them for tens of seconds, past Discord's 3 s, and were lost.
 *
 * So answer work waits its turn here: it starts only when no acknowledgement is on its way to Discord, and
 * only after the event loop has polled for I/O since the last answer started, so an interaction that arrived
 * meanwhile is acknowledged first. An acknowledgement therefore waits for at most the one answer being computed
 * when it arrives (with a chat model, the few under way). The queue is bounded: past `maxWaiting` the front end
 * says it is busy instead of letting the member wait for minutes.
 */

export interface AnswerQueueOptions {
  /**
   * Answers under way at once. Extractive answering is CPU on this thread: with one at a time an
   * acknowledgement waits for at most one answer. With a chat model most of an answer is the wait for the
   * model, so several are under way (startBot); their CPU parts can then follow each other without a yield.
   */
  readonly concurrency?: number;
  /** Answers waiting for their turn (acknowledged, not started); beyond it `enter` refuses. */
  readonly maxWaiting?: number;
}

/** A place in the queue, taken before the interaction is acknowledged so a full queue can say so at once. */
export interface QueueTurn {
  /** Runs `work` in its turn; settles as `work` does. Call once. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Gives the place back without running anything (the acknowledgement failed). */
  cancel(): void;
}

export interface AnswerQueue {
  /** Holds back answer work until `acknowledgement` settles; returns it unchanged. */
  acknowledge<T>(acknowledgement: Promise<T>): Promise<T>;
  /** A place in the queue, or undefined when `maxWaiting` answers are already waiting. */
  enter(): QueueTurn | undefined;
  readonly waiting: number;
  readonly running: number;
}

export const answerQueueDefaults = {
  concurrency: 1,
  // About 25 s of answers at 50 ms each (the 20 MB corpus); a burst of 200 fits with room to spare.
  maxWaiting: 500,
} as const satisfies Required<AnswerQueueOptions>;

export const busyMessage = 'footnote is answering a lot of questions right now; please ask again in a minute.';

interface Job {
  readonly work: () => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (reason: unknown) => void;
}

export function createAnswerQueue(options: AnswerQueueOptions = {}): AnswerQueue {
  const { concurrency, maxWaiting } = { ...answerQueueDefaults, ...options };
  const ready: Job[] = [];
  let reserved = 0;
  let running = 0;
  let acknowledging = 0;
  let scheduled = false;

  function pump(): void {
    if (scheduled || ready.length === 0 || running >= concurrency || acknowledging > 0) return;
    scheduled = true;
    // Two turns of the loop: whatever phase the last answer ended in, the loop polls for I/O before the next
    // starts, so a gateway event or a deferral's response that came in meanwhile is handled first.
    setImmediate(() =>
      setImmediate(() => {
        scheduled = false;
        if (acknowledging > 0 || running >= concurrency) return;
        const job = ready.shift();
        if (job === undefined) return;
        running += 1;
        const finish = () => {
          running -= 1;
          pump();
        };
        job.work().then(
          (value) => {
            finish();
            job.resolve(value);
          },
          (error: unknown) => {
            finish();
            job.reject(error);
          },
        );
        pump();
      }),
    );
  }

  return {
    acknowledge(acknowledgement) {
      acknowledging += 1;
      const settled = () => {
        acknowledging -= 1;
        pump();
      };
      acknowledgement.then(settled, settled);
      return acknowledgement;
    },
    enter() {
      if (reserved + ready.length >= maxWaiting) return undefined;
      reserved += 1;
      let used = false;
      const release = () => {
        if (used) throw new Error('a queue turn is used once');
        used = true;
        reserved -= 1;
      };
      return {
        run<T>(work: () => Promise<T>) {
          release();
          return new Promise<T>((resolve, reject) => {
            ready.push({ work, resolve: resolve as (value: unknown) => void, reject });
            pump();
          });
        },
        cancel: release,
      };
    },
    get waiting() {
      return reserved + ready.length;
    },
    get running() {
      return running;
    },
  };
}
