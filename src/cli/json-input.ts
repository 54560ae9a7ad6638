import { readFileSync } from 'node:fs';
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
}

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

/** Parses JSON text strictly; malformed JSON is a UserError naming the line and column. */
export function parseJsonText(rawText: string, label: string, kind: string): JsonInput {
  // A byte-order mark (some Windows editors write one) is not part of the JSON.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
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
  return { label, text, value: JSON.parse(text) as unknown, tree };
}

export function readJsonFile(path: string, kind: string): JsonInput {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String((error as Error).message);
    throw new UserError(`glocal: cannot read ${kind} ${path}: ${reason}\nnothing was written.`);
  }
  return parseJsonText(text, path, kind);
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
    const line = lineOf(input, p.path);
    return `  at ${formatPath(p.path)}${line !== null ? ` (line ${line})` : ''}: ${p.message}`;
  });
  return `glocal: ${kind} ${input.label} is invalid\n${lines.join('\n')}\nnothing was written.`;
}
