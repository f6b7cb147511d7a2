import { isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, type Document } from "yaml";

/**
 * How the registry's YAML is written: block style, no folding of long lines, a double-quoted
 * string written as JSON writes it (a line break as `\n`, so a trailing space before it survives
 * editors), identifiers and types plain.
 */
const STRINGIFY = { lineWidth: 0, defaultStringType: "PLAIN", defaultKeyType: "PLAIN", doubleQuotedAsJSON: true, indentSeq: true } as const;

/** Keys whose values are texts copied from the source: always double-quoted, so a code `"03"` or `" "` stays a string. */
const QUOTED = new Set(["nb", "number", "controlProgramId", "title", "description", "source", "name", "code", "label", "classification", "datePattern"]);

/** Quotes the source's texts and writes a code list's items one to a line (`- { code: "03", label: "Oslo" }`). */
function style(doc: Document): void {
  const visit = (node: unknown, key?: unknown): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = isScalar(pair.key) ? pair.key.value : pair.key;
        if (k === "codes" && isSeq(pair.value)) for (const item of pair.value.items) if (isMap(item)) (item as YAMLMap).flow = true;
        visit(pair.value, k);
      }
    } else if (isSeq(node)) node.items.forEach((item) => visit(item, key));
    else if (isScalar(node) && typeof node.value === "string" && QUOTED.has(String(key))) node.type = Scalar.QUOTE_DOUBLE;
  };
  visit(doc.contents);
}

/**
 * A content file's text with `values` set, key by key, in `existing` (the file as it is, when it
 * exists): keys and comments the import does not write (a note, controls, validTo) stay as they
 * were; a new file gets the keys in the order given.
 */
export function withValues(existing: string | undefined, values: Record<string, unknown>): string {
  const doc = existing === undefined ? parseDocument("{}") : parseDocument(existing);
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) doc.delete(key);
    else doc.set(key, doc.createNode(value));
  }
  (doc.contents as YAMLMap).flow = false;
  style(doc);
  return doc.toString(STRINGIFY);
}
