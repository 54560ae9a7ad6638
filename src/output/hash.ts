import { createHash } from 'node:crypto';

/** sha256 (hex) of a text (as UTF-8) or of bytes. */
export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * JSON with object keys sorted at every level, so equal values hash equally whatever order
 * their keys were written in. Walks the value with an explicit stack (no recursion), so a deeply
 * nested value cannot overflow the call stack.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(root: unknown): unknown {
  type Frame = { source: unknown; target: unknown[] | Record<string, unknown> };
  const copy = (value: unknown, stack: Frame[]): unknown => {
    if (Array.isArray(value)) {
      const target: unknown[] = [];
      stack.push({ source: value, target });
      return target;
    }
    if (value !== null && typeof value === 'object') {
      const target: Record<string, unknown> = {};
      stack.push({ source: value, target });
      return target;
    }
    return value;
  };
  const stack: Frame[] = [];
  const result = copy(root, stack);
  while (stack.length > 0) {
    const { source, target } = stack.pop() as Frame;
    if (Array.isArray(target)) {
      for (const item of source as unknown[]) target.push(copy(item, stack));
    } else {
      const record = source as Record<string, unknown>;
      for (const key of Object.keys(record).sort()) {
        // defineProperty: a "__proto__" key stays an ordinary key, never a prototype change.
        Object.defineProperty(target, key, { value: copy(record[key], stack), enumerable: true, writable: true, configurable: true });
      }
    }
  }
  return result;
}
