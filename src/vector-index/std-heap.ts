/**
 * libstdc++'s `std::priority_queue<pair<float, id>, vector, CompareByFirst>` as hnswlib's graph search keeps it
 * (saved-graph.ts): a max-heap on the key alone, whose `std::push_heap` and `std::pop_heap` (`__adjust_heap`) are moved
 * into JavaScript as they are, so that elements of equal keys sit where they sit in hnswlib and leave in its order.
 */
export class StdHeap {
  keys = new Float64Array(1024);
  ids = new Int32Array(1024);
  size = 0;

  /** Empties the heap for another search, keeping its arrays. */
  clear(): this {
    this.size = 0;
    return this;
  }

  topKey(): number {
    return this.keys[0] as number;
  }

  topId(): number {
    return this.ids[0] as number;
  }

  push(key: number, id: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const ids = new Int32Array(this.size * 2);
      ids.set(this.ids);
      this.ids = ids;
    }
    this.size += 1;
    this.siftUp(this.size - 1, key, id);
  }

  pop(): void {
    const { keys, ids } = this;
    const last = this.size - 1;
    const key = keys[last] as number;
    const id = ids[last] as number;
    keys[last] = keys[0] as number;
    ids[last] = ids[0] as number;
    // __adjust_heap over the first `last` elements, with the old last element as the value to place.
    const length = last;
    let hole = 0;
    let child = 0;
    while (child < (length - 1) >> 1) {
      child = 2 * (child + 1);
      if ((keys[child] as number) < (keys[child - 1] as number)) child -= 1;
      keys[hole] = keys[child] as number;
      ids[hole] = ids[child] as number;
      hole = child;
    }
    if ((length & 1) === 0 && child === (length - 2) >> 1) {
      child = 2 * (child + 1);
      keys[hole] = keys[child - 1] as number;
      ids[hole] = ids[child - 1] as number;
      hole = child - 1;
    }
    this.siftUp(hole, key, id);
    this.size = last;
  }

  /** std::__push_heap: moves the hole up while its parent's key is less than `key`. */
  private siftUp(start: number, key: number, id: number): void {
    const { keys, ids } = this;
    let hole = start;
    let parent = (hole - 1) >> 1;
    while (hole > 0 && (keys[parent] as number) < key) {
      keys[hole] = keys[parent] as number;
      ids[hole] = ids[parent] as number;
      hole = parent;
      parent = (hole - 1) >> 1;
    }
    keys[hole] = key;
    ids[hole] = id;
  }
}
