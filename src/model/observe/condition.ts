/**
 * Conditions over indicators, e.g. `fillRate < 0.5 and week >= 10`, parsed by a small
 * recursive-descent parser (never `eval`). Sweeps use them as stop conditions, and scenarios and
 * schemes as the conditions of adaptive rules (src/model/rules.ts), so the grammar lives in
 * the model, and src/sweep/condition.ts re-exports it.
 *
 *   condition  := or
 *   or         := and ("or" and)*
 *   and        := not ("and" not)*
 *   not        := "not" not | "(" or ")" | comparison
 *   comparison := operand ("<" | "<=" | ">" | ">=" | "==" | "!=") operand
 *   operand    := number | reference
 *   reference  := name ["@" scope ":" group]      (the same form as a runs.csv metric key)
 *
 * `week` is the week just recorded; any other name is an indicator (global scope by default).
 */

/** An indicator at a scope and group (the same shape as a sweep's MetricRef). */
export interface IndicatorRef {
  indicator: string;
  scope: 'global' | 'bloc' | 'incomeGroup' | 'region';
  group: string;
}
type MetricRef = IndicatorRef;

export const COMPARISONS = ['<', '<=', '>', '>=', '==', '!='] as const;
export type Comparison = (typeof COMPARISONS)[number];
const SCOPE_NAMES = ['global', 'bloc', 'incomeGroup', 'region'] as const;

export type Operand = { kind: 'number'; value: number } | { kind: 'week' } | { kind: 'indicator'; ref: MetricRef };

export type Condition =
  | { kind: 'compare'; op: Comparison; left: Operand; right: Operand }
  | { kind: 'and' | 'or'; terms: Condition[] }
  | { kind: 'not'; term: Condition };

/** A condition that could not be parsed: `column` (1-based) says where. */
export class ConditionError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
    this.name = 'ConditionError';
  }
}

interface Token {
  text: string;
  kind: 'number' | 'name' | 'op' | 'paren' | 'end';
  column: number;
}

const TOKEN = /\s*(?:(\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)|([A-Za-z_][\w]*(?:@[A-Za-z]+:[^\s()<>=!]+)?)|(<=|>=|==|!=|<|>)|([()]))/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const match = TOKEN.exec(text);
    if (!match) {
      const column = at + (text.slice(at).length - text.slice(at).trimStart().length) + 1;
      throw new ConditionError(`unexpected character "${text[column - 1]}"`, column);
    }
    const column = match.index + match[0].length - match[0].trimStart().length + 1;
    const kind = match[1] !== undefined ? 'number' : match[2] !== undefined ? 'name' : match[3] !== undefined ? 'op' : 'paren';
    tokens.push({ text: match[0].trim(), kind, column });
    at = TOKEN.lastIndex;
  }
  tokens.push({ text: '', kind: 'end', column: text.length + 1 });
  return tokens;
}

/** Parses a reference `name` or `name@scope:group` into a metric (global/world by default). */
export function parseReference(text: string): MetricRef {
  const at = text.indexOf('@');
  if (at < 0) return { indicator: text, scope: 'global', group: 'world' };
  const colon = text.indexOf(':', at);
  const scope = text.slice(at + 1, colon);
  if (!(SCOPE_NAMES as readonly string[]).includes(scope)) {
    throw new ConditionError(`unknown scope "${scope}" in ${text}; expected one of ${SCOPE_NAMES.join(', ')}`, 0);
  }
  return { indicator: text.slice(0, at), scope: scope as MetricRef['scope'], group: text.slice(colon + 1) };
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Condition {
    const condition = this.or();
    const rest = this.peek();
    if (rest.kind !== 'end') throw new ConditionError(`expected "and", "or" or the end, got "${rest.text}"`, rest.column);
    return condition;
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private take(): Token {
    return this.tokens[this.index++];
  }

  private or(): Condition {
    const terms = [this.and()];
    while (this.peek().kind === 'name' && this.peek().text === 'or') {
      this.take();
      terms.push(this.and());
    }
    return terms.length === 1 ? terms[0] : { kind: 'or', terms };
  }

  private and(): Condition {
    const terms = [this.not()];
    while (this.peek().kind === 'name' && this.peek().text === 'and') {
      this.take();
      terms.push(this.not());
    }
    return terms.length === 1 ? terms[0] : { kind: 'and', terms };
  }

  private not(): Condition {
    const token = this.peek();
    if (token.kind === 'name' && token.text === 'not') {
      this.take();
      return { kind: 'not', term: this.not() };
    }
    if (token.text === '(') {
      this.take();
      const inner = this.or();
      const close = this.take();
      if (close.text !== ')') throw new ConditionError(`expected ")", got ${close.text ? `"${close.text}"` : 'the end'}`, close.column);
      return inner;
    }
    return this.comparison();
  }

  private comparison(): Condition {
    const left = this.operand();
    const op = this.take();
    if (op.kind !== 'op') throw new ConditionError(`expected a comparison (${COMPARISONS.join(' ')}), got ${op.text ? `"${op.text}"` : 'the end'}`, op.column);
    const right = this.operand();
    return { kind: 'compare', op: op.text as Comparison, left, right };
  }

  private operand(): Operand {
    const token = this.take();
    if (token.kind === 'number') return { kind: 'number', value: Number(token.text) };
    if (token.kind === 'name' && !['and', 'or', 'not'].includes(token.text)) {
      if (token.text === 'week') return { kind: 'week' };
      try {
        return { kind: 'indicator', ref: parseReference(token.text) };
      } catch (error) {
        throw new ConditionError((error as Error).message, token.column);
      }
    }
    throw new ConditionError(`expected a number, "week" or an indicator name, got ${token.text ? `"${token.text}"` : 'the end'}`, token.column);
  }
}

/** Parses a condition written as text; a ConditionError names the column of the problem. */
export function parseCondition(text: string): Condition {
  return new Parser(tokenize(text)).parse();
}

/** The structured JSON form: comparisons of an indicator with a number, all of which must hold. */
export interface ComparisonItem {
  indicator: string;
  scope?: MetricRef['scope'];
  group?: string;
  op: Comparison;
  value: number;
}

export function conditionFromItems(items: ComparisonItem[]): Condition {
  const terms: Condition[] = items.map((item) => ({
    kind: 'compare',
    op: item.op,
    left: item.indicator === 'week' ? { kind: 'week' } : { kind: 'indicator', ref: { indicator: item.indicator, scope: item.scope ?? 'global', group: item.group ?? 'world' } },
    right: { kind: 'number', value: item.value },
  }));
  return terms.length === 1 ? terms[0] : { kind: 'and', terms };
}

/** Every indicator a condition reads. */
export function referencesOf(condition: Condition): MetricRef[] {
  switch (condition.kind) {
    case 'compare':
      return [condition.left, condition.right].flatMap((o) => (o.kind === 'indicator' ? [o.ref] : []));
    case 'not':
      return referencesOf(condition.term);
    default:
      return condition.terms.flatMap(referencesOf);
  }
}

/** Evaluates a condition; `value` gives an indicator's latest value (NaN, not recorded, compares false with every operator). */
export function evaluateCondition(condition: Condition, week: number, value: (ref: MetricRef) => number): boolean {
  switch (condition.kind) {
    case 'compare': {
      const read = (o: Operand) => (o.kind === 'number' ? o.value : o.kind === 'week' ? week : value(o.ref));
      return compare(condition.op, read(condition.left), read(condition.right));
    }
    case 'not':
      return !evaluateCondition(condition.term, week, value);
    case 'and':
      return condition.terms.every((t) => evaluateCondition(t, week, value));
    case 'or':
      return condition.terms.some((t) => evaluateCondition(t, week, value));
  }
}

function compare(op: Comparison, a: number, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '==':
      return a === b;
    case '!=':
      // An indicator not recorded (NaN) compares false with every operator, `!=` included.
      return a !== b && !Number.isNaN(a) && !Number.isNaN(b);
  }
}
