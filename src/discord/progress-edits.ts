/**
 * How slow work is going, shown by editing the deferred reply ("Reading “book.pdf”…", "Indexing: 40%…"):
 * the latest message at most once per `gapMs` (Discord limits how often one message is edited), and never
 * after the answer: `finish` stops the edits and waits for one in flight, so the answer is the last edit.
 */
export interface ProgressEdits {
  readonly show: (message: string) => void;
  /** Stops showing progress; true when some was shown (the answer then clears the progress line). */
  finish(): Promise<boolean>;
}

export function progressEdits(
  edit: (content: string) => Promise<unknown>,
  options: { readonly gapMs?: number; readonly onError?: (error: unknown) => void; readonly now?: () => number } = {},
): ProgressEdits {
  const gapMs = options.gapMs ?? 2000;
  const now = options.now ?? Date.now;
  let latest: string | undefined;
  let lastShown = Number.NEGATIVE_INFINITY;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  let finished = false;
  let shown = false;
  const send = () => {
    timer = undefined;
    if (finished || latest === undefined) return;
    const content = latest;
    latest = undefined;
    lastShown = now();
    shown = true;
    inFlight = inFlight.then(
      () => edit(content).then(() => undefined),
      () => undefined,
    );
    inFlight = inFlight.catch((error: unknown) => options.onError?.(error));
  };
  return {
    show(message) {
      if (finished) return;
      latest = message;
      if (timer !== undefined) return;
      const wait = lastShown + gapMs - now();
      if (wait <= 0) send();
      else timer = setTimeout(send, wait).unref();
    },
    async finish() {
      finished = true;
      clearTimeout(timer);
      await inFlight;
      return shown;
    },
  };
}
