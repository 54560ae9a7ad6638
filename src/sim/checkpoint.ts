import type { World } from './world.ts';
import { FreeList, type NumericArray } from './store.ts';
import { encodeUtf8, decodeUtf8 } from './utf8.ts';

/** Stores whose contents change during a run (static data is rebuilt from the inputs). */
const DYNAMIC_STORES = ['regions', 'firms', 'plants', 'plantHub', 'hubs', 'smes', 'cells', 'policy'] as const;
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
function worldScalars(world: World, prefix: string, arrays: [string, NumericArray][]): Record<string, unknown> {
  const scalars: Record<string, unknown> = {
    tick: world.tick,
    ledger: world.ledger,
    ledgerTotal: world.ledgerTotal,
    freeSlots: world.smes.freeSlots.toArray(),
  };
  for (const storeName of DYNAMIC_STORES) {
    const store = world[storeName] as unknown as Record<string, unknown>;
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
export function writeCheckpoint(worlds: World[], meta: unknown, extra: Record<string, NumericArray> = {}): Uint8Array {
  const arrays: [string, NumericArray][] = [];
  const worldHeaders = worlds.map((w, k) => worldScalars(w, `w${k}`, arrays));
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

export interface CheckpointContents {
  meta: unknown;
  /** The extra arrays saved with the worlds, by name (copies). */
  extra: Record<string, NumericArray>;
  /** Puts the saved state of world `index` into a freshly created world with the same inputs. */
  restoreInto(world: World, index: number): void;
}

export function readCheckpoint(bytes: Uint8Array): CheckpointContents {
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
    restoreInto(world: World, index: number): void {
      const scalars = header.worlds[index] as Record<string, unknown>;
      world.tick = scalars.tick as number;
      Object.assign(world.ledger, scalars.ledger);
      Object.assign(world.ledgerTotal, scalars.ledgerTotal);
      for (const storeName of DYNAMIC_STORES) {
        Object.assign(world[storeName] as object, scalars[storeName] as object);
      }
      world.smes.freeSlots = FreeList.from(scalars.freeSlots as number[]);
      const prefix = `w${index}.`;
      for (const entry of header.arrays) {
        if (!entry.path.startsWith(prefix)) continue;
        const [storeName, key] = entry.path.slice(prefix.length).split('.');
        (world[storeName as (typeof DYNAMIC_STORES)[number]] as unknown as Record<string, unknown>)[key] = copyOf(entry);
      }
    },
  };
}
