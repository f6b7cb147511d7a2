import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { Finding, PathSegment } from "../validate/finding.ts";
import type { SourceFile } from "./source-file.ts";

export interface ParsedYaml {
  data: unknown;
  file: SourceFile;
  findings: Finding[];
}

/** Files larger than this are refused rather than parsed. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Parses YAML keeping source positions. `lineOffset` shifts reported lines, for YAML
 * front matter that starts below the first line of an MDX file.
 */
export function parseYamlText(text: string, path: string, lineOffset = 0): ParsedYaml {
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

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    findings.push({ severity: "error", file: path, line: 1 + lineOffset, column: 1, message: `malformed YAML: ${(e as Error).message}`, expected: "YAML without excessive aliases" });
  }
  return { data, file, findings };
}

function yamlMessage(code: string, message: string): string {
  const first = message.split("\n")[0].replace(/ at line \d+, column \d+:?\s*$/, "");
  return code === "DUPLICATE_KEY" ? `duplicate key (${first})` : first;
}
