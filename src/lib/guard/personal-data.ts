import type { Finding, PathSegment } from "../findings/finding.ts";
import type { SourceFile } from "../findings/source-file.ts";
import { findNationalIds } from "./find-national-ids.ts";
import { isHash, maskHashes } from "./hashes.ts";
import { firstBadCharacter } from "./clean-text.ts";
import { pathOf, visitTexts, type Step } from "./texts-of.ts";

/** What the guard reads of one content file: its text as written and, where it parsed, its data. */
export interface GuardedFile {
  /** Path relative to the content root. */
  path: string;
  /** The whole text as written. */
  text: string;
  /** The parsed YAML (front matter for MDX), whether or not it matched its schema. */
  data?: unknown;
  /** Positions of fields, where the file parsed. */
  file?: SourceFile;
  /** The MDX body, for MDX files. */
  body?: string;
}

const NOT_SHOWN = "something that looks like a national identity number (fødselsnummer, D-, H- or test number) is written here; it is not shown";
const REMEDY = "no personal data in content: remove it; if it is not a person's number (a bank account number, say), record it with the reason in content/allowed-numbers.yaml";


/** 1-based line and column of an offset in a text. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * The personal-data guard and the clean-text rule over one file, run whether or not the file
 * matched its schema: national identity numbers in the text as written (every encoding and
 * separator, see `findNationalIds`) and in every decoded key and value (YAML escapes, folded
 * lines), and characters that are not clean text in keys, values and the MDX body.
 */
export function guardFile(g: GuardedFile, allowed: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  const at = (where: { line: number; column: number }, message: string, expected: string, field?: string): Finding => ({ severity: "error", file: g.path, ...where, field, message, expected });
  const seen = new Set<string>();
  const masked = maskHashes(g.text);
  for (const span of findNationalIds(masked, allowed)) {
    seen.add(span.digits);
    findings.push(at(positionOf(g.text, span.start), NOT_SHOWN, REMEDY));
  }
  const place = (path: PathSegment[], isKey: boolean) => (g.file ? (isKey ? g.file.locateKey(path.slice(0, -1), String(path.at(-1))) : g.file.locate(path)) : { line: 1, column: 1 });
  // Every decoded key and value, whatever the text as written looks like: a number is published
  // in its decimal form however YAML spelled it (`0b…`, `0x…`, `0o…`, leading zeros, an exponent),
  // and guessing which spellings decode differently missed binary.
  if (g.data !== undefined) {
    // Made once, not per text: a KOSTRA-scale root holds millions of texts, and a closure per text
    // (named by the loader's keepNames, a property definition each) cost seconds of validation.
    const where = (step: Step | undefined, isKey: boolean) => {
      const path = pathOf(step);
      return { at: place(path, isKey), field: isKey || !path.length ? undefined : path.join(".") };
    };
    visitTexts(g.data, (text, isKey, step) => {
      const what = isKey ? "key" : "value";
      if (text.length >= 11 && !isHash(text)) {
        // Numbers only the decoded value shows: YAML escapes, folded and continued lines.
        for (const s of findNationalIds(text, allowed)) {
          if (seen.has(s.digits)) continue;
          seen.add(s.digits);
          const w = where(step, isKey);
          findings.push(at(w.at, `${NOT_SHOWN} (in the ${what} as decoded)`, REMEDY, w.field));
        }
      }
      const bad = firstBadCharacter(text);
      if (bad) {
        const w = where(step, isKey);
        findings.push(at(w.at, `the ${what} holds ${bad.name} at character ${bad.offset + 1}`, "text without control characters: tab, line feed and carriage return are the only ones allowed", w.field));
      }
    });
  }
  if (g.body !== undefined) {
    const bad = firstBadCharacter(g.body);
    if (bad) findings.push(at(positionOf(g.text, g.text.length - g.body.length + bad.offset), `the text holds ${bad.name}`, "text without control characters: tab, line feed and carriage return are the only ones allowed"));
  }
  return findings;
}

/** File and folder names (and so ids and URLs) that hold a national identity number. */
export function guardNames(paths: Iterable<string>, allowed: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  for (const path of new Set(paths)) {
    if (findNationalIds(path, allowed).length) {
      findings.push({ severity: "error", file: path, line: 1, column: 1, message: "the file or folder name looks like it holds a national identity number; a name becomes an id and an address, so it would be published", expected: "a name made of words, e.g. the subject of the proposal" });
    }
  }
  return findings;
}
