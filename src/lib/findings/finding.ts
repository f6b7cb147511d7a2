/** A problem found in content. Findings are values: collected, then reported together. */
export interface Finding {
  severity: "error" | "warning";
  /** Path relative to the content root, with forward slashes. */
  file: string;
  /** 1-based line and column; 1:1 when the problem concerns the whole file. */
  line: number;
  column: number;
  /** Dotted path of the field concerned (`codes.3.name.nb`), when there is one. */
  field?: string;
  /** What is wrong. */
  message: string;
  /** What would be right. */
  expected?: string;
}

export type PathSegment = string | number;

export function fieldPath(path: readonly PropertyKey[]): string | undefined {
  return path.length ? path.map(String).join(".") : undefined;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.message.localeCompare(b.message));
}
