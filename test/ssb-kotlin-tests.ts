import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * SSB's unit tests for the familievern rules (Kotlin, `ForAllRowItem` tables of kotest), read from
 * the copy in test/fixtures: each case's name, its lines (field name → value, as SSB's
 * `familievernRecordInTest` builds them on a blank line) and its verdict (`fail` when SSB expects an
 * error message). Only the shapes SSB's familievern tests use are understood; anything else throws,
 * so a changed test file is noticed rather than skipped.
 */
export const RULES = join(import.meta.dirname, "fixtures/reference/kontrollprogram/rules");
const MAIN = join(RULES, "main/kotlin/no/ssb/kostra");
const TEST = join(RULES, "test/kotlin/no/ssb/kostra/validation/rule/famvern");

export const FORMS = { "52af": "famvern52a", "52bf": "famvern52b", "53f": "famvern53", "55f": "famvern55" } as const;
export type FormId = keyof typeof FORMS;

export interface SsbCase {
  /** The test file below `rules/test/kotlin/…/famvern/`, e.g. `famvern52a/Rule003RegionsnummerTest.kt`. */
  file: string;
  /** The rule the test exercises: `Rule003Regionsnummer`. */
  rule: string;
  name: string;
  expect: "pass" | "fail";
  /** The lines, with only the fields the test sets (the rest are blank, or SSB's defaults). */
  lines: Record<string, string>[];
  /** The region mapping the test gives the rule, where it gives one. */
  mapping?: { region: string; fylke: string; kontor: string }[];
  /** The message SSB expects, as the Kotlin writes it (string literals joined): the first message's start (`shouldStartWith`). */
  message?: string;
  /** How many messages SSB expects where it fails (`expectedSize`, default 1). */
  size?: number;
}

/** Every `const val X_COL_NAME = "X"` of the familievern forms: constant → field name. */
export function columnNames(): Map<string, string> {
  const out = new Map<string, string>();
  for (const dir of Object.values(FORMS)) {
    const area = join(MAIN, "area/famvern", dir);
    for (const f of readdirSync(area).filter((n) => n.endsWith("ColumnNames.kt"))) {
      for (const m of readFileSync(join(area, f), "utf8").matchAll(/const val (\w+)\s*=\s*"([^"]*)"/g)) out.set(m[1], m[2]);
    }
  }
  return out;
}

/** The rules a form's `*Main.kt` runs, in order, without SSB's generic 001 and 002. */
export function rulesOfForm(form: FormId): string[] {
  const dir = join(MAIN, "area/famvern", FORMS[form]);
  const main = readdirSync(dir).find((n) => n.endsWith("Main.kt"))!;
  const text = readFileSync(join(dir, main), "utf8");
  const block = text.slice(text.indexOf("validationRules"));
  return [...block.matchAll(/^\s*(Rule\d\w*)\(/gm)].map((m) => m[1]).filter((r) => !/^Rule00[12]/.test(r));
}

/** Field sizes of SSB's field definitions (the 2026 file descriptions, which the Kotlin reads). */
const SIZES = new Map<string, number>();
for (const id of ["52AF", "52BF", "53F", "55F"]) {
  const text = readFileSync(join(RULES, `../file_description_${id}_2026.yaml`), "utf8");
  for (const m of text.matchAll(/name: "(\w+)"[\s\S]*?size: (\d+)/g)) SIZES.set(m[1], Number(m[2]));
}

/** A Kotlin string expression of literals, `"x".repeat(n)` and `+`. */
function kotlinString(expr: string): string {
  // `" ".repeat(with(…byColumnName(X_COL_NAME)) { size })`: as many as the field is wide.
  expr = expr.replace(/\.repeat\(\s*with\([\s\S]*?byColumnName\(\s*(?:\w+\.)?(\w+?)_COL_NAME\s*\)\s*\)\s*\{\s*size\s*\}\s*\)/g, (_, name: string) => {
    const size = SIZES.get(name);
    if (size === undefined) throw new Error(`no size for ${name}`);
    return `.repeat(${size})`;
  });
  let out = "";
  const re = /\s*(?:"((?:[^"\\]|\\.)*)"(?:\.repeat\((\d+)\))?)\s*(\+|$)/y;
  let at = 0;
  const src = expr.trim();
  while (at < src.length) {
    re.lastIndex = at;
    const m = re.exec(src);
    if (!m) throw new Error(`not a string expression SSB's tests use: ${src}`);
    const lit = m[1].replace(/\\(.)/g, "$1");
    out += m[2] ? lit.repeat(Number(m[2])) : lit;
    at = re.lastIndex;
  }
  return out;
}

/** Splits a Kotlin argument list at top-level commas (outside strings and brackets). */
function splitArgs(src: string): string[] {
  const out: string[] = [];
  let depth = 0, inStr = false, cur = "";
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (inStr) {
      cur += ch;
      if (ch === "\\") cur += src[++i];
      else if (ch === '"') inStr = false;
      continue;
    }
    if (ch === '"') inStr = true;
    if ("([{".includes(ch)) depth++;
    if (")]}".includes(ch)) depth--;
    if (ch === "," && depth === 0) {
      if (cur.trim()) out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** The text inside the brackets that open at `open`. */
function bracketed(src: string, open: number): string {
  let depth = 0, inStr = false;
  for (let i = open; i < src.length; i++) {
    const ch = src[i];
    if (inStr) {
      if (ch === "\\") i++;
      else if (ch === '"') inStr = false;
      continue;
    }
    if (ch === '"') inStr = true;
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return src.slice(open + 1, i);
  }
  throw new Error("unbalanced brackets");
}

/** The cases of one SSB test file. */
export function casesOfFile(file: string, cols = columnNames()): SsbCase[] {
  const text = readFileSync(join(TEST, file), "utf8");
  const rule = /class (Rule\w+?)Test\b/.exec(text)![1];
  const col = (c: string) => {
    const name = cols.get(c.replace(/^\w+ColumnNames\./, ""));
    if (!name) throw new Error(`${file}: unknown column ${c}`);
    return name;
  };
  // The helper: its parameters and the fields it sets.
  const helperAt = text.indexOf("private fun kostraRecordInTest(");
  if (helperAt < 0) throw new Error(`${file}: no kostraRecordInTest helper`);
  const params = splitArgs(bracketed(text, text.indexOf("(", helperAt))).map((p) => p.split(":")[0].trim());
  const mapAt = text.indexOf("mapOf(", helperAt);
  const pairs = splitArgs(bracketed(text, mapAt + 5)).map((p) => {
    const [k, v] = p.split(/\s+to\s+/);
    return [col(k.trim()), v.trim()] as const;
  });
  const line = (args: string[]) => {
    const values = new Map(params.map((p, i) => [p, kotlinString(args[i])]));
    return Object.fromEntries(pairs.map(([k, v]) => [k, values.has(v) ? values.get(v)! : kotlinString(v)]));
  };
  const mapping = [...text.matchAll(/FamvernHierarchyKontorFylkeRegionMapping\(([^)]*)\)/g)]
    .filter((m) => m[1].includes("="))
    .map((m) => Object.fromEntries(splitArgs(m[1]).map((a) => a.split("=").map((s) => s.trim())).map(([k, v]) => [k, kotlinString(v)])) as { region: string; fylke: string; kontor: string });
  const cases: SsbCase[] = [];
  for (let at = text.indexOf("ForAllRowItem("); at >= 0; at = text.indexOf("ForAllRowItem(", at + 1)) {
    const args = splitArgs(bracketed(text, at + "ForAllRowItem".length));
    const name = kotlinString(args[0]);
    const records = args[1].startsWith("listOf(") ? splitArgs(bracketed(args[1], 6)) : [args[1]];
    const lines = records.map((r) => {
      if (!r.startsWith("kostraRecordInTest(")) throw new Error(`${file} «${name}»: not a kostraRecordInTest call: ${r}`);
      return line(splitArgs(bracketed(r, r.indexOf("("))));
    });
    const named = new Map(args.slice(2).map((a) => [a.split("=")[0].trim(), a.slice(a.indexOf("=") + 1).trim()]));
    const message = named.get("expectedErrorMessage");
    const size = named.get("expectedSize");
    if (size !== undefined && !/^\d+$/.test(size)) throw new Error(`${file} «${name}»: expectedSize is not a number: ${size}`);
    cases.push({ file, rule, name, expect: message ? "fail" : "pass", lines, ...(mapping.length ? { mapping } : {}), ...(message ? { message: kotlinString(message), size: Number(size ?? 1) } : {}) });
  }
  return cases;
}

/** Every SSB test case of a form's rules. */
export function casesOfForm(form: FormId): SsbCase[] {
  const cols = columnNames();
  const dir = FORMS[form];
  return readdirSync(join(TEST, dir))
    .filter((n) => /^Rule\w+Test\.kt$/.test(n))
    .sort()
    .flatMap((n) => casesOfFile(`${dir}/${n}`, cols));
}
