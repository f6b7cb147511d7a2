import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import jsYaml from "js-yaml";
import type { Finding, PathSegment } from "../findings/finding.ts";
import type { SourceFile } from "../findings/source-file.ts";

export interface ParsedYaml {
  data: unknown;
  file: SourceFile;
  findings: Finding[];
}

/** Files larger than this are refused rather than parsed. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * How much text the aliases of one file may stand for, in bytes, counted as the source text of the
 * nodes they refer to (with the aliases inside those expanded in turn): twice the largest file
 * allowed. The alias count (100) alone let one 2 MB value used 99 times through validation and
 * into 4 GB of exports; a file can now hold at most three files' worth of data.
 */
export const MAX_ALIAS_EXPANSION_BYTES = 2 * MAX_FILE_BYTES;

/** An alias (`*name`) anywhere in the text: such files take the careful path, which caps alias expansion. */
const ALIAS = /(^|[\s[{,:-])\*[^\s,\]}]/m;

/**
 * Parses YAML. The common case, valid content, is read with js-yaml (YAML 1.2 core schema, the same
 * values as the positional parser) and the positional document is built only when a finding needs a
 * line and column. Text with aliases, or that js-yaml refuses, goes through the positional parser,
 * which caps aliases and reports errors where they are. `lineOffset` shifts reported lines, for YAML
 * front matter that starts below the first line of an MDX file.
 */
export function parseYamlText(text: string, path: string, lineOffset = 0): ParsedYaml {
  if (!ALIAS.test(text)) {
    try {
      const data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: false });
      let positional: ParsedYaml | undefined;
      const full = () => (positional ??= parseYamlPositional(text, path, lineOffset));
      const file: SourceFile = {
        path,
        // A finding about the whole file needs no positions.
        locate: (p) => (p.length ? full().file.locate(p) : { line: 1 + lineOffset, column: 1 }),
        locateKey: (p, k) => full().file.locateKey(p, k),
        locateEntry: (key, value) => entryPosition(text, key, value, lineOffset),
      };
      return { data, file, findings: [] };
    } catch {
      // Malformed: the positional parser says where.
    }
  }
  return parseYamlPositional(text, path, lineOffset);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Where `key: value` is written, if in exactly one place: a block or flow mapping entry, the value
 * plain, single- or double-quoted. Finding a code or a field this way costs a scan of the text;
 * the positional parse it saves costs 10 ms and more for a form or a large codelist.
 */
function entryPosition(text: string, key: string, value: string, lineOffset: number): { line: number; column: number } | undefined {
  const v = escapeRegExp(value);
  const entry = new RegExp(`(?<=^|[\\s{,])${escapeRegExp(key)}:[ \\t]+(?:${v}|"${escapeRegExp(JSON.stringify(value).slice(1, -1))}"|'${v.replace(/'/g, "''")}')(?=[ \\t]*(?:[,}\\r\\n#]|$))`, "gm");
  const first = entry.exec(text);
  if (!first || entry.exec(text)) return undefined;
  const at = first.index;
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < at; i = text.indexOf("\n", i + 1)) line++;
  return { line: line + lineOffset, column: at - text.lastIndexOf("\n", at - 1) };
}

function parseYamlPositional(text: string, path: string, lineOffset = 0): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true, strict: true });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + lineOffset, column: pos.col };
  };

  const nodeAt = (segments: readonly PathSegment[]): { node: Node | null; keyNode?: Node } => {
    let node = doc.contents as Node | null;
    let best: Node | null = node;
    for (const seg of segments) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === seg);
        if (!pair) break;
        const value = pair.value as Node | null;
        if (!value) return { node: pair.key as Node };
        best = node = value;
      } else if (isSeq(node) && typeof seg === "number" && node.items[seg]) {
        best = node = node.items[seg] as Node;
      } else break;
    }
    return { node: best };
  };

  const file: SourceFile = {
    path,
    locate(segments) {
      const { node } = nodeAt(segments);
      return at(node?.range?.[0] ?? 0);
    },
    locateKey(segments, key) {
      const { node } = nodeAt(segments);
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
        if (pair && isScalar(pair.key) && pair.key.range) return at(pair.key.range[0]);
      }
      return at(node?.range?.[0] ?? 0);
    },
  };

  const findings: Finding[] = [];
  for (const err of [...doc.errors, ...doc.warnings]) {
    const pos = err.linePos?.[0] ?? { line: 1, col: 1 };
    findings.push({
      severity: "error",
      file: path,
      line: pos.line + lineOffset,
      column: pos.col,
      message: `malformed YAML: ${yamlMessage(err.code, err.message)}`,
      expected: "well-formed YAML (see docs/content-format.md)",
    });
  }
  if (findings.length) return { data: undefined, file, findings };

  const over = aliasExpansion(doc);
  if (over) {
    findings.push({ severity: "error", file: path, ...at(over.offset), message: over.message, expected: over.expected });
    return { data: undefined, file, findings };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    findings.push({ severity: "error", file: path, line: 1 + lineOffset, column: 1, message: `malformed YAML: ${(e as Error).message}`, expected: "YAML without excessive aliases" });
  }
  return { data, file, findings };
}

/**
 * The first alias at which the aliases of a document stand for more than MAX_ALIAS_EXPANSION_BYTES,
 * or an alias inside the node it refers to; undefined when expansion stays within the budget. One
 * pass in document order, without recursion (documents may nest thousands deep): an anchored node's
 * expanded size is its source text plus what the aliases inside it add, known when the pass leaves it.
 */
function aliasExpansion(doc: Document.Parsed): { offset: number; message: string; expected: string } | undefined {
  const length = (node: unknown) => {
    const range = (node as Node).range;
    return range ? range[1] - range[0] : 0;
  };
  const anchors = new Map<string, Node>();
  const expanded = new Map<Node, number>();
  const open = new Set<Node>();
  let total = 0;
  interface Frame {
    node: unknown;
    children: unknown[];
    next: number;
    /** Bytes the aliases inside this node add to its source text. */
    extra: number;
  }
  const childrenOf = (node: unknown): unknown[] => (isCollection(node) ? node.items : isPair(node) ? [node.key, node.value] : []);
  const stack: Frame[] = [];
  const enter = (node: unknown) => {
    const anchor = (node as Node | null)?.anchor;
    if (anchor) {
      anchors.set(anchor, node as Node);
      open.add(node as Node);
    }
    stack.push({ node, children: childrenOf(node), next: 0, extra: 0 });
  };
  if (doc.contents) enter(doc.contents);
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.next < top.children.length) {
      const child = top.children[top.next++];
      if (!child || typeof child !== "object") continue;
      if (!isAlias(child)) {
        enter(child);
        continue;
      }
      const target = anchors.get(child.source);
      // An alias to no anchor is reported when the document is converted.
      if (!target) continue;
      const offset = child.range?.[0] ?? 0;
      if (open.has(target)) {
        return { offset, message: `the alias *${child.source} is inside the node it refers to (a structure that contains itself)`, expected: "no recursive aliases: write the value out" };
      }
      const size = expanded.get(target) ?? length(target);
      total += size;
      top.extra += size - length(child);
      if (total > MAX_ALIAS_EXPANSION_BYTES) {
        return {
          offset,
          message: `YAML aliases stand for too much text: ${total} bytes up to this alias *${child.source}, more than the ${MAX_ALIAS_EXPANSION_BYTES} allowed in one file`,
          expected: `the value written out where it is needed, or used fewer times: the aliases of a file may stand for at most ${MAX_ALIAS_EXPANSION_BYTES} bytes (twice the largest file allowed)`,
        };
      }
      continue;
    }
    stack.pop();
    const node = top.node as Node;
    if (node?.anchor) {
      expanded.set(node, length(node) + top.extra);
      open.delete(node);
    }
    if (stack.length) stack[stack.length - 1].extra += top.extra;
  }
  return undefined;
}

function yamlMessage(code: string, message: string): string {
  const first = message.split("\n")[0].replace(/ at line \d+, column \d+:?\s*$/, "");
  return code === "DUPLICATE_KEY" ? `duplicate key (${first})` : first;
}
