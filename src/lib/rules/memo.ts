import type { Control } from "../schema/control.ts";
import { compileExpression } from "./environment.ts";
import { whenHolds } from "./evaluate.ts";

/** A field a control's `when` reads from a record occurrence: the CEL variable that holds the occurrence, and the field. */
export interface FieldRead {
  variable: string;
  field: string;
}

/** A node of `@marcbachmann/cel-js`'s parse tree, as `parse(...).ast` gives it (before macros are expanded). */
interface Node {
  op: string;
  args: unknown;
  input: string;
  start: number;
  end: number;
}

const isNode = (x: unknown): x is Node => typeof x === "object" && x !== null && typeof (x as Node).op === "string" && "args" in x;

/** The macros that bind their first argument, a variable, in the arguments after it (CEL's comprehensions). */
const BINDING_MACROS = new Set(["all", "exists", "exists_one", "map", "filter"]);

/** The nodes under a node, in any shape `cel-js` gives them (a node, a list of nodes, a map's pairs). */
function children(node: Node): Node[] {
  switch (node.op) {
    case "value":
    case "id":
      return [];
    case ".":
      return [(node.args as unknown[])[0] as Node];
    case "call":
      return ((node.args as unknown[])[1] as Node[]).filter(isNode);
    case "rcall":
      return [(node.args as unknown[])[1] as Node, ...((node.args as unknown[])[2] as Node[])].filter(isNode);
  }
  const out: Node[] = [];
  const collect = (x: unknown) => {
    if (isNode(x)) out.push(x);
    else if (Array.isArray(x)) x.forEach(collect);
  };
  collect(node.args);
  return out;
}

/** Thrown where an expression reads an occurrence otherwise than field by field. */
class NotMemoizable extends Error {}

/**
 * Every field of a record occurrence that a CEL expression reads, when the expression reads the
 * occurrence variables (`occurrence`: `linje`, `individ` …) only as `v.FIELD`, `v["FIELD"]`,
 * `has(v.FIELD)` or `"FIELD" in v`; undefined when it uses one otherwise (passes it to a function,
 * takes its size, indexes it by a value of the occurrence). An index that depends only on the
 * `forEach` item (`linje[mapping.count]`) is worked out for the item given. Each comprehension's
 * variable (`exists(k, …)`) and `cel.bind`'s is the expression's own, not a variable of the input.
 *
 * With every other variable unchanged, the expression's value (or its error) is then a function of
 * those fields' values alone: what `ControlMemo` relies on.
 */
export function fieldReads(expression: string, occurrence: ReadonlySet<string>, item?: { variable: string; value: unknown }): FieldRead[] | undefined {
  const reads = new Map<string, FieldRead>();
  const read = (variable: string, field: string) => reads.set(`${variable}\u0000${field}`, { variable, field });
  /** The variables a node reads that it does not bind itself. */
  const freeVariables = (node: Node, bound: ReadonlySet<string>, into: Set<string>): void => {
    if (node.op === "id") {
      if (!bound.has(node.args as string)) into.add(node.args as string);
      return;
    }
    const inner = bindingOf(node);
    if (inner) {
      const { receiver, variable, rest } = inner;
      for (const r of receiver) freeVariables(r, bound, into);
      const within = new Set(bound).add(variable);
      for (const r of rest) freeVariables(r, within, into);
      return;
    }
    for (const c of children(node)) freeVariables(c, bound, into);
  };
  const occurrenceVariable = (node: unknown, bound: ReadonlySet<string>): string | undefined =>
    isNode(node) && node.op === "id" && occurrence.has(node.args as string) && !bound.has(node.args as string) ? (node.args as string) : undefined;
  /** The field an index names: a text literal, or an expression of the `forEach` item alone, worked out for the item. */
  const indexField = (index: Node, bound: ReadonlySet<string>): string => {
    if (index.op === "value" && typeof index.args === "string") return index.args;
    const free = new Set<string>();
    freeVariables(index, bound, free);
    if (!item || [...free].some((v) => v !== item.variable)) throw new NotMemoizable();
    let field: unknown;
    try {
      field = compileExpression(index.input.slice(index.start, index.end))({ [item.variable]: item.value });
    } catch {
      throw new NotMemoizable();
    }
    if (typeof field !== "string") throw new NotMemoizable();
    return field;
  };
  const visit = (node: Node, bound: ReadonlySet<string>): void => {
    const args = node.args as unknown[];
    switch (node.op) {
      case "id":
        if (occurrenceVariable(node, bound)) throw new NotMemoizable();
        return;
      case ".": {
        const variable = occurrenceVariable(args[0], bound);
        if (variable) return void read(variable, args[1] as string);
        break;
      }
      case "[]": {
        const variable = occurrenceVariable(args[0], bound);
        if (variable) {
          read(variable, indexField(args[1] as Node, bound));
          visit(args[1] as Node, bound);
          return;
        }
        break;
      }
      case "in": {
        const variable = occurrenceVariable(args[1], bound);
        if (variable) {
          const key = args[0] as Node;
          if (key.op !== "value" || typeof key.args !== "string") throw new NotMemoizable();
          return void read(variable, key.args);
        }
        break;
      }
    }
    const inner = bindingOf(node);
    if (inner) {
      for (const r of inner.receiver) visit(r, bound);
      const within = new Set(bound).add(inner.variable);
      for (const r of inner.rest) visit(r, within);
      return;
    }
    for (const c of children(node)) visit(c, bound);
  };
  try {
    visit(compileExpression(expression).ast as unknown as Node, new Set());
  } catch {
    // Not memoizable, or not valid CEL: evaluating reports that.
    return undefined;
  }
  return [...reads.values()];
}

/**
 * A comprehension (`list.exists(v, …)`, `all`, `exists_one`, `map`, `filter`) or `cel.bind(v, init, …)`:
 * what is read outside the variable's scope, the variable, and what is read within it.
 */
function bindingOf(node: Node): { receiver: Node[]; variable: string; rest: Node[] } | undefined {
  if (node.op !== "rcall") return undefined;
  const [name, receiver, args] = node.args as [string, Node, Node[]];
  const first = args[0];
  if (!isNode(first) || first.op !== "id") return undefined;
  if (BINDING_MACROS.has(name) && args.length >= 2) return { receiver: [receiver], variable: first.args as string, rest: args.slice(1) };
  if (name === "bind" && receiver.op === "id" && receiver.args === "cel" && args.length === 3) return { receiver: [args[1]], variable: first.args as string, rest: [args[2]] };
  return undefined;
}

/** Most results a control remembers per item; then it starts afresh (memory stays bounded). */
export const MEMO_ENTRIES = 2048;

/** Marks an absent field in a key: no value's length before it is this long. */
const ABSENT_CHAR = "\uffff";

/**
 * What a control's `when` gave, by the values of the fields it reads (`fieldReads`), per `forEach`
 * item: when a file's lines repeat those values (a code field, a date), the expression is
 * evaluated once for them. Only for a checker whose other CEL variables stay the same from one
 * occurrence to the next (or that calls `forget` when they change). The value and its error are the
 * same as evaluating would give: CEL has no side effects, and every value the key is made of is
 * compared whole. An occurrence whose fields are not text (a list of records) is evaluated as is.
 */
export class ControlMemo {
  readonly #tables: (Table | undefined)[];
  readonly #lines: LineSource | undefined;

  /**
   * `lines`: where the occurrence is a fixed-width line, the key is the columns of the fields read,
   * taken from the line (`LineSource`) rather than from the CEL variables, which then need not be
   * made before a lookup finds nothing.
   */
  constructor(control: Control, occurrence: ReadonlySet<string>, lines?: LineSource) {
    this.#lines = lines;
    const items = control.forEach ? control.forEach.items.map((value) => ({ variable: control.forEach!.variable, value })) : [undefined];
    this.#tables = items.map((item) => {
      const reads = control.when === undefined ? undefined : fieldReads(control.when, occurrence, item);
      return reads ? { reads, spans: lines ? spansOf(reads, lines) : undefined, results: new Map(), last: NONE, lastResult: false } : undefined;
    });
  }

  /** Whether any item's result can be remembered. */
  get useful(): boolean {
    return this.#tables.some((t) => t !== undefined);
  }

  /** Whether the control's `when` holds for the item (`whenHolds`), or its error, remembered by the values of the fields read. */
  holds(control: Control, context: Record<string, unknown>, item: number): boolean {
    const table = this.#tables[item];
    const key = table === undefined ? NONE : table.spans ? lineKeyOf(table.spans, this.#lines!.text) : keyOf(table.reads, context);
    if (key === NONE) return whenHolds(control, context);
    // The key last remembered again (lines in a row that agree on the fields) needs no lookup.
    let result = key === table!.last ? table!.lastResult : table!.results.get(key);
    if (result === undefined) {
      try {
        result = whenHolds(control, context);
      } catch (e) {
        if (!(e instanceof Error)) throw e;
        result = e;
      }
      if (table!.results.size >= MEMO_ENTRIES) table!.results.clear();
      const kept = copied(key);
      table!.results.set(kept, result);
      table!.last = kept;
      table!.lastResult = result;
    }
    if (result instanceof Error) throw result;
    return result;
  }

  /** Forgets every result: the variables besides the occurrences have changed. */
  forget(): void {
    for (const t of this.#tables) {
      if (!t) continue;
      t.results.clear();
      t.last = NONE;
    }
  }
}

/**
 * The fixed-width line checked (every line as long as the record), and the columns of each field
 * read (`columns`: from and to, from 1, both included; undefined for a field the record has not).
 */
export interface LineSource {
  readonly text: string;
  columns(read: FieldRead): readonly [number, number] | undefined;
}

/**
 * The stretches of the line (start, end: string indexes) that hold the fields read, those side by
 * side joined: a field the record has not is absent from every line, so not part of the key.
 */
function spansOf(reads: readonly FieldRead[], lines: LineSource): [number, number][] {
  const columns = reads.map((r) => lines.columns(r)).filter((c) => c !== undefined).sort((a, b) => a[0] - b[0]);
  const spans: [number, number][] = [];
  for (const [from, to] of columns) {
    const last = spans.at(-1);
    if (last && from - 1 <= last[1]) last[1] = Math.max(last[1], to);
    else spans.push([from - 1, to]);
  }
  return spans;
}

/** An item's remembered results, and the last key and its result. */
interface Table {
  reads: FieldRead[];
  /** Where the fields read are in a fixed-width line (`LineSource`). */
  spans: [number, number][] | undefined;
  results: Map<unknown, boolean | Error>;
  last: unknown;
  lastResult: boolean | Error;
}

/** No key: the occurrence cannot be looked up (or nothing was looked up yet). */
const NONE = Symbol("none");

/**
 * A key as kept: a text of 13 characters or more may be a slice (or made of slices) of the chunk
 * of the file read, and kept as it is would keep the whole chunk (V8 copies shorter ones). A copy
 * keeps only itself.
 */
const copied = (key: unknown): unknown => (typeof key === "string" && key.length >= 13 ? (key + " ").slice(0, -1) : key);

const hasOwn = Object.hasOwn;

/**
 * The fields' values as one key: each field's text with its length (one character) before it, an
 * absent field as `ABSENT_CHAR`. (Never digits alone: V8 hashes a text that is a number by its
 * value, and a year's dates would share a few buckets.) `NONE` when an occurrence is not a plain
 * object or a value is not text (or too long to say its length in one character).
 */
function keyOf(reads: readonly FieldRead[], context: Record<string, unknown>): unknown {
  let key = "";
  for (let i = 0; i < reads.length; i++) {
    const value = fieldValue(reads[i], context);
    if (value === undefined) key += ABSENT_CHAR;
    else if (typeof value !== "string" || value.length >= ABSENT_CHAR.charCodeAt(0)) return NONE;
    else key += String.fromCharCode(value.length) + value;
  }
  return key;
}

/**
 * The key of a fixed-width line: the text of the stretches that hold the fields read. Every line is
 * as long as the record, so each stretch is as long in every line: two lines with the same key
 * have the same values in every field read.
 */
function lineKeyOf(spans: readonly [number, number][], text: string): string {
  if (spans.length === 1) return text.slice(spans[0][0], spans[0][1]);
  let key = "";
  for (let i = 0; i < spans.length; i++) key += text.slice(spans[i][0], spans[i][1]);
  return key;
}

/** A field's value as CEL reads it (`occurrence.field`: own properties only); `NONE` when the variable is not a plain object. */
function fieldValue(read: FieldRead, context: Record<string, unknown>): unknown {
  const occurrence = context[read.variable];
  if (typeof occurrence !== "object" || occurrence === null || Object.getPrototypeOf(occurrence) !== Object.prototype) return NONE;
  return hasOwn(occurrence, read.field) ? (occurrence as Record<string, unknown>)[read.field] : undefined;
}
