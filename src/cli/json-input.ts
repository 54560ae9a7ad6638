import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { UserError } from './errors.ts';
import { formatPath, type InputProblem } from '../model/validate.ts';

/** A JSON input with its text kept, so problems can be reported with line numbers. */
export interface JsonInput {
  /** What to call it in messages (a file path or a built-in name). */
  label: string;
  text: string;
  value: unknown;
  tree: Node | undefined;
  /** Things that do nothing but are not errors (duplicate keys), for stderr. */
  warnings: InputProblem[];
}

/** Nesting deeper than this is refused (real inputs nest 4 deep; the parser is recursive). */
export const MAX_NESTING = 64;
/** Input files larger than this are refused before they are read. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;
/** Keys that could change an object's prototype somewhere down the line: always refused. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const PARSE_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a quoted field name',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected a colon after the field name',
  CommaExpected: 'expected a comma or a closing bracket/brace',
  CloseBraceExpected: 'expected a closing brace }',
  CloseBracketExpected: 'expected a closing bracket ]',
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Text of a file's bytes: UTF-8 (with or without a byte-order mark) or UTF-16 with its mark.
 * Anything else is a UserError saying how to fix it.
 */
export function decodeInput(bytes: Uint8Array, label: string, kind: string): string {
  const fail = (why: string) => {
    throw new UserError(`glocal: ${kind} ${label} cannot be read: ${why}\nnothing was written.`);
  };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.includes(0)) fail('it contains NUL bytes (UTF-16 without a byte-order mark?); save it as UTF-8');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return fail('it is not valid UTF-8 text; save it as UTF-8');
  }
}

/** The first place where brackets nest deeper than `MAX_NESTING` (a linear scan, no recursion). */
function tooDeep(text: string): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > MAX_NESTING) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return null;
}

/** Prototype keys (errors) and duplicate keys (warnings) anywhere in the tree, walked with a stack. */
function checkKeys(tree: Node): { errors: InputProblem[]; warnings: InputProblem[] } {
  const errors: InputProblem[] = [];
  const warnings: InputProblem[] = [];
  const stack: { node: Node; path: (string | number)[] }[] = [{ node: tree, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: Node; path: (string | number)[] };
    if (node.type === 'array') node.children?.forEach((child, i) => stack.push({ node: child, path: [...path, i] }));
    if (node.type !== 'object') continue;
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      const key = String(keyNode?.value);
      if (PROTOTYPE_KEYS.has(key)) errors.push({ path: [...path, key], message: `the key "${key}" is not allowed (it could change how JavaScript objects behave)` });
      else if (seen.has(key)) warnings.push({ path: [...path, key], message: `duplicate key "${key}": only its last value is used`, offset: property.offset });
      seen.add(key);
      if (valueNode) stack.push({ node: valueNode, path: [...path, key] });
    }
  }
  return { errors, warnings };
}

/** Parses JSON text strictly; malformed JSON is a UserError naming the line and column. */
export function parseJsonText(rawText: string, label: string, kind: string): JsonInput {
  // A byte-order mark (some Windows editors write one) is not part of the JSON.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const deep = tooDeep(text);
  if (deep !== null) {
    const { line, column } = lineColumn(text, deep);
    throw new UserError(`glocal: ${kind} ${label} nests deeper than ${MAX_NESTING} levels\n  at line ${line}, column ${column}\nnothing was written.`);
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !tree) {
    const lines = errors.slice(0, 5).map((e) => {
      const { line, column } = lineColumn(text, e.offset);
      const code = printParseErrorCode(e.error);
      return `  at line ${line}, column ${column}: ${PARSE_MESSAGES[code] ?? code}`;
    });
    throw new UserError(`glocal: ${kind} ${label} is not valid JSON\n${lines.join('\n') || '  the file is empty'}\nnothing was written.`);
  }
  const keys = checkKeys(tree);
  const input: JsonInput = { label, text, value: undefined, tree, warnings: keys.warnings };
  if (keys.errors.length > 0) throw new UserError(describeProblems(input, kind, keys.errors));
  input.value = JSON.parse(text) as unknown;
  return input;
}

/** Reads a file's bytes, refusing one over `MAX_INPUT_BYTES` before reading it. */
function readBytes(path: string, kind: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : String((error as Error).message);
    throw new UserError(`glocal: cannot read ${kind} ${path}: ${reason}\nnothing was written.`);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new UserError(`glocal: cannot read ${kind} ${path}: it is a folder\nnothing was written.`);
    if (stats.size > MAX_INPUT_BYTES) {
      throw new UserError(`glocal: ${kind} ${path} is ${(stats.size / 2 ** 20).toFixed(0)} MiB; at most ${MAX_INPUT_BYTES / 2 ** 20} MiB is read\nnothing was written.`);
    }
    const bytes = Buffer.alloc(stats.size);
    let offset = 0;
    while (offset < bytes.length) {
      const n = readSync(fd, bytes, offset, bytes.length - offset, offset);
      if (n === 0) break;
      offset += n;
    }
    return bytes.subarray(0, offset);
  } finally {
    closeSync(fd);
  }
}

export function readJsonFile(path: string, kind: string): JsonInput {
  return parseJsonText(decodeInput(readBytes(path, kind), path, kind), path, kind);
}

/** The line of the value at `path` (or of its nearest existing parent). */
export function lineOf(input: JsonInput, path: (string | number)[]): number | null {
  if (!input.tree) return null;
  for (let depth = path.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(input.tree, path.slice(0, depth));
    if (node) {
      const start = node.parent?.type === 'property' && node.parent.children?.[0] ? node.parent.children[0].offset : node.offset;
      return lineColumn(input.text, start).line;
    }
  }
  return null;
}

/** The user-facing report of input problems: file, then one line per problem with path and line. */
export function describeProblems(input: JsonInput, kind: string, problems: InputProblem[]): string {
  const lines = problems.map((p) => {
    const line = p.offset !== undefined ? lineColumn(input.text, p.offset).line : lineOf(input, p.path);
    return `  at ${formatPath(p.path)}${line !== null ? ` (line ${line})` : ''}: ${p.message}`;
  });
  return `glocal: ${kind} ${input.label} is invalid\n${lines.join('\n')}\nnothing was written.`;
}
