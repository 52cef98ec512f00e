/** The saved parse's numbers (saved-parse.ts): small integers in as few bytes as they need. */

/** Unsigned LEB128 integers; offsets as zigzag deltas from the previous offset since the last restart. */
export class NumberWriter {
  private buffer = new Uint8Array(1 << 16);
  private length = 0;
  private previous = 0;

  restart(): void {
    this.previous = 0;
  }

  offset(value: number): void {
    const delta = value - this.previous;
    this.previous = value;
    this.count(delta >= 0 ? delta * 2 : -delta * 2 - 1);
  }

  count(value: number): void {
    if (this.length + 10 > this.buffer.length) {
      const grown = new Uint8Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    let rest = value;
    while (rest >= 0x80) {
      this.buffer[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.buffer[this.length++] = rest;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

export class NumberReader {
  private previous = 0;

  constructor(
    private readonly bytes: Uint8Array,
    public position: number,
  ) {}

  restart(): void {
    this.previous = 0;
  }

  offset(): number {
    const coded = this.count();
    const delta = coded % 2 === 0 ? coded / 2 : -(coded + 1) / 2;
    this.previous += delta;
    return this.previous;
  }

  count(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.bytes[this.position++];
      if (byte === undefined) throw new Error('the saved parse ends early');
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  }
}
