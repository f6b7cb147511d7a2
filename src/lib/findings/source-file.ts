import type { Finding, PathSegment } from "./finding.ts";

/** A content file as read: its text and how to find a field in it. */
export interface SourceFile {
  /** Path relative to the content root, with forward slashes. */
  path: string;
  /** Line and column of a field, or of its nearest existing ancestor. */
  locate(path: readonly PathSegment[]): { line: number; column: number };
  /** Line and column of a key of the object at `path`. */
  locateKey(path: readonly PathSegment[], key: string): { line: number; column: number };
  /**
   * Line and column of the one place `key: value` is written (the value plain or quoted), found in
   * the text without parsing; undefined when it is absent or written more than once.
   */
  locateEntry?(key: string, value: string): { line: number; column: number } | undefined;
}

/** A finding about a field of a file, placed at the field. */
export function findingAt(
  file: SourceFile,
  path: readonly PathSegment[],
  message: string,
  expected?: string,
  severity: Finding["severity"] = "error",
): Finding {
  const { line, column } = file.locate(path);
  return { severity, file: file.path, line, column, field: path.length ? path.join(".") : undefined, message, expected };
}
