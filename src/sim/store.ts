/**
 * Struct-of-typed-arrays storage. A store is a plain object whose typed-array fields all have
 * the same capacity; `growStore` enlarges every array at once. Slots are ids: an id never moves, and
 * dead slots are reused through a free list in ascending order (deterministic).
 */

export type NumericArray =
  | Float64Array
  | Float32Array
  | Int32Array
  | Uint32Array
  | Int16Array
  | Uint16Array
  | Uint8Array;

type ArrayConstructorOf<A extends NumericArray> = { new (length: number): A };

/** Returns a copy of `array` with `capacity` elements (extra elements zero). */
export function resized<A extends NumericArray>(array: A, capacity: number): A {
  const Ctor = array.constructor as ArrayConstructorOf<A>;
  const next = new Ctor(capacity);
  next.set(array.subarray(0, Math.min(array.length, capacity)) as never);
  return next;
}

/** The typed-array fields of a store, in declaration order. */
export function arrayFields(store: object): [string, NumericArray][] {
  const fields: [string, NumericArray][] = [];
  for (const [name, value] of Object.entries(store)) {
    if (ArrayBuffer.isView(value)) fields.push([name, value as NumericArray]);
  }
  return fields;
}

/** Grows every typed-array field of `store` to `capacity` (per-slot fields only). */
export function growStore(store: { capacity: number }, capacity: number, perSlot: (name: string) => number = () => 1): void {
  if (capacity <= store.capacity) return;
  const target = store as unknown as Record<string, NumericArray>;
  for (const [name, array] of arrayFields(store)) {
    const width = perSlot(name);
    if (width === 0) continue;
    target[name] = resized(array, capacity * width);
  }
  store.capacity = capacity;
}

/**
 * Free list of dead slots, kept sorted ascending so reuse order depends only on which slots
 * died, never on the order deaths were recorded.
 */
export class FreeList {
  private slots: number[] = [];
  private head = 0;

  release(ids: readonly number[]): void {
    if (ids.length === 0) return;
    const added = ids.slice().sort((a, b) => a - b);
    // Merge two sorted lists (the free list is always sorted): linear, not a full re-sort.
    const merged = new Array<number>(this.slots.length - this.head + added.length);
    let i = this.head;
    let j = 0;
    let k = 0;
    while (i < this.slots.length && j < added.length) merged[k++] = this.slots[i] <= added[j] ? this.slots[i++] : added[j++];
    while (i < this.slots.length) merged[k++] = this.slots[i++];
    while (j < added.length) merged[k++] = added[j++];
    this.slots = merged;
    this.head = 0;
  }

  /** The lowest free slot, or -1. */
  take(): number {
    return this.head < this.slots.length ? this.slots[this.head++] : -1;
  }

  get size(): number {
    return this.slots.length - this.head;
  }

  toArray(): number[] {
    return this.slots.slice(this.head);
  }

  static from(ids: readonly number[]): FreeList {
    const list = new FreeList();
    list.release(ids);
    return list;
  }
}
