import type { NumericArray } from './store.ts';
import { encodeUtf8, decodeUtf8 } from './utf8.ts';

/**
 * What the model tells the kernel about a world it checkpoints: its stores whose contents change
 * during a run (static data is rebuilt from the inputs), and its other state as JSON scalars.
 */
export interface CheckpointLayout<W> {
  /** Dynamic stores by name, in a fixed order: every typed array and number in them is saved. */
  stores(world: W): Record<string, object>;
  /** Scalars outside the stores (clock, flow totals, free lists), as JSON. */
  scalars(world: W): Record<string, unknown>;
  /** Puts `scalars()`'s values back into a freshly created world. */
  restoreScalars(world: W, scalars: Record<string, unknown>): void;
}
const MAGIC = 0x4b434c47; // "GLCK"
const VERSION = 1;

const ARRAY_TYPES = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Uint8Array,
} as const;
type ArrayTypeName = keyof typeof ARRAY_TYPES;

interface ArrayEntry {
  path: string;
  type: ArrayTypeName;
  length: number;
  offset: number;
}

interface Header {
  version: number;
  /** Anything JSON: the run's inputs and the scalars of every world. */
  meta: unknown;
  worlds: Record<string, unknown>[];
  arrays: ArrayEntry[];
}

/** Everything about one world that a restore must put back (scalars here, arrays in `arrays`). */
function worldScalars<W>(
  layout: CheckpointLayout<W>,
  world: W,
  prefix: string,
  arrays: [string, NumericArray][],
): Record<string, unknown> {
  const scalars: Record<string, unknown> = layout.scalars(world);
  for (const [storeName, storeObject] of Object.entries(layout.stores(world))) {
    const store = storeObject as Record<string, unknown>;
    const numbers: Record<string, number> = {};
    for (const [key, value] of Object.entries(store)) {
      if (ArrayBuffer.isView(value)) arrays.push([`${prefix}.${storeName}.${key}`, value as NumericArray]);
      else if (typeof value === 'number') numbers[key] = value;
    }
    scalars[storeName] = numbers;
  }
  return scalars;
}

/**
 * Serialises worlds plus caller metadata into one byte array: a small header (magic, version,
 * JSON index) and then every dynamic typed array, 8-byte aligned.
 */
export function writeCheckpoint<W>(
  layout: CheckpointLayout<W>,
  worlds: W[],
  meta: unknown,
  extra: Record<string, NumericArray> = {},
): Uint8Array {
  const arrays: [string, NumericArray][] = [];
  const worldHeaders = worlds.map((w, k) => worldScalars(layout, w, `w${k}`, arrays));
  for (const [name, array] of Object.entries(extra)) arrays.push([`x.${name}`, array]);
  const entries: ArrayEntry[] = [];
  let offset = 0;
  for (const [path, array] of arrays) {
    entries.push({ path, type: array.constructor.name as ArrayTypeName, length: array.length, offset });
    offset += Math.ceil(array.byteLength / 8) * 8;
  }
  const header: Header = { version: VERSION, meta, worlds: worldHeaders, arrays: entries };
  const headerBytes = encodeUtf8(JSON.stringify(header));
  const headerPadded = Math.ceil((headerBytes.length + 12) / 8) * 8;
  const out = new Uint8Array(headerPadded + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, headerBytes.length, true);
  out.set(headerBytes, 12);
  arrays.forEach(([, array], k) => {
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), headerPadded + entries[k].offset);
  });
  return out;
}

export interface CheckpointContents<W> {
  meta: unknown;
  /** The extra arrays saved with the worlds, by name (copies). */
  extra: Record<string, NumericArray>;
  /** Puts the saved state of world `index` into a freshly created world with the same inputs. */
  restoreInto(world: W, index: number): void;
}

export function readCheckpoint<W>(layout: CheckpointLayout<W>, bytes: Uint8Array): CheckpointContents<W> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || view.getUint32(0, true) !== MAGIC) throw new Error('not a Glocal checkpoint');
  const version = view.getUint32(4, true);
  if (version !== VERSION) throw new Error(`checkpoint version ${version} is not supported (expected ${VERSION})`);
  const headerLength = view.getUint32(8, true);
  const header = JSON.parse(decodeUtf8(bytes.subarray(12, 12 + headerLength))) as Header;
  const base = Math.ceil((headerLength + 12) / 8) * 8;
  const copyOf = (entry: ArrayEntry): NumericArray => {
    const Ctor = ARRAY_TYPES[entry.type];
    const byteLength = entry.length * Ctor.BYTES_PER_ELEMENT;
    const copy = bytes.slice(base + entry.offset, base + entry.offset + byteLength);
    return new Ctor(copy.buffer, 0, entry.length);
  };
  const extra: Record<string, NumericArray> = {};
  for (const entry of header.arrays) if (entry.path.startsWith('x.')) extra[entry.path.slice(2)] = copyOf(entry);
  return {
    meta: header.meta,
    extra,
    restoreInto(world: W, index: number): void {
      const scalars = header.worlds[index] as Record<string, unknown>;
      const stores = layout.stores(world);
      assertSameArrays(stores, header.arrays, `w${index}.`);
      layout.restoreScalars(world, scalars);
      for (const [storeName, store] of Object.entries(stores)) Object.assign(store, scalars[storeName] as object);
      const prefix = `w${index}.`;
      for (const entry of header.arrays) {
        if (!entry.path.startsWith(prefix)) continue;
        const [storeName, key] = entry.path.slice(prefix.length).split('.');
        (stores[storeName] as Record<string, unknown>)[key] = copyOf(entry);
      }
    },
  };
}

/**
 * A checkpoint restores only into worlds with the arrays it saved: one written by a model with other
 * stores or fields (an older version) is rejected with the difference, never half-restored.
 */
function assertSameArrays(stores: Record<string, object>, saved: ArrayEntry[], prefix: string): void {
  const expected = new Set<string>();
  for (const [storeName, store] of Object.entries(stores)) {
    for (const [key, value] of Object.entries(store)) if (ArrayBuffer.isView(value)) expected.add(`${storeName}.${key}`);
  }
  const found = new Set(saved.filter((e) => e.path.startsWith(prefix)).map((e) => e.path.slice(prefix.length)));
  const missing = [...expected].filter((path) => !found.has(path));
  const unknown = [...found].filter((path) => !expected.has(path));
  if (missing.length === 0 && unknown.length === 0) return;
  const list = (paths: string[]) => (paths.length > 5 ? `${paths.slice(0, 5).join(', ')} and ${paths.length - 5} more` : paths.join(', '));
  throw new Error(
    `this checkpoint was written by a different version of the model and cannot be restored` +
      (missing.length ? `; it lacks ${list(missing)}` : '') +
      (unknown.length ? `; it has arrays this model does not: ${list(unknown)}` : ''),
  );
}
