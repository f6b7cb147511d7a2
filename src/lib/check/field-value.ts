import type { RecordField } from "../schema/record.ts";
import type { FieldCodes } from "./plan.ts";

/** What is wrong with a field's value, in Norwegian, with what was expected; undefined when nothing is. */
export interface ValueFault {
  kind: "mandatory" | "integer" | "date" | "code" | "withdrawn" | "later" | "pattern" | "length";
  expected: string;
}

const datePatterns = new Map<string, RegExp>();

/**
 * A regular expression for an SSB date pattern (`ddMMyyyy`, `yyyy-MM-dd`: the letters of Java's
 * DateTimeFormatter, validated as such by `validate/`), with named groups for the parts.
 */
function datePatternRegex(pattern: string): RegExp {
  let re = datePatterns.get(pattern);
  if (!re) {
    const source = pattern.replace(/yyyy|yy|MM|dd|[^A-Za-z]/g, (t) => (t === "yyyy" ? "(?<y>\\d{4})" : t === "yy" ? "(?<yy>\\d{2})" : t === "MM" ? "(?<m>\\d{2})" : t === "dd" ? "(?<d>\\d{2})" : t.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")));
    re = new RegExp(`^${source}$`);
    datePatterns.set(pattern, re);
  }
  return re;
}

/** True when `value` is a real date written in `pattern`. */
export function isDate(value: string, pattern: string): boolean {
  const m = datePatternRegex(pattern).exec(value);
  if (!m?.groups) return false;
  const g = m.groups;
  const year = g.y !== undefined ? Number(g.y) : g.yy !== undefined ? 2000 + Number(g.yy) : 2000;
  const month = g.m !== undefined ? Number(g.m) : 1;
  const day = g.d !== undefined ? Number(g.d) : 1;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const patterns = new Map<string, RegExp>();
/** An XSD pattern matches the whole value. */
function anchored(pattern: string): RegExp {
  let re = patterns.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`, "u");
    patterns.set(pattern, re);
  }
  return re;
}

const validSets = new WeakMap<FieldCodes, Set<string>>();
/** The valid codes as a set, made once per field of a plan. */
function validSet(codes: FieldCodes): Set<string> {
  let set = validSets.get(codes);
  if (!set) {
    set = new Set(codes.valid);
    validSets.set(codes, set);
  }
  return set;
}

const dateFormatNb = (pattern: string) => pattern.replace(/yyyy/g, "ÅÅÅÅ").replace(/yy/g, "ÅÅ").replace(/dd/g, "DD");

/**
 * The fault of one value of a field, checked as the file description says: mandatory, the data type
 * (`integer`, a date in its pattern), the pattern, the lengths and the codes valid in the year
 * (a code withdrawn by then is its own fault). A blank value that is not mandatory is fine.
 * `fixedWidth`: the value is a column, right- or left-padded with spaces.
 */
export function valueFault(field: RecordField, raw: string, codes: FieldCodes | undefined, fixedWidth: boolean): ValueFault | undefined {
  const value = fixedWidth ? raw.trim() : raw;
  if (value === "" && (fixedWidth || raw === "")) {
    if (field.mandatory && !(codes && validSet(codes).has(raw))) return { kind: "mandatory", expected: "en verdi (feltet er obligatorisk)" };
    if (!fixedWidth && field.minLength !== undefined && field.minLength > 0) return { kind: "length", expected: `minst ${field.minLength} tegn` };
    return undefined;
  }
  const type = field.dataType ?? (field.type === "integer" ? "INTEGER_TYPE" : field.type === "date" ? "DATE_TYPE" : "STRING_TYPE");
  if (type === "INTEGER_TYPE" && !/^-?\d+$/.test(value)) return { kind: "integer", expected: "et heltall" };
  if (type === "DATE_TYPE") {
    const pattern = field.datePattern ?? "yyyy-MM-dd";
    if (!isDate(value, pattern)) return { kind: "date", expected: `en dato skrevet ${dateFormatNb(pattern)}` };
  }
  // An XML list (`repeats`) is codes separated by white space; its lengths and pattern are each code's.
  const parts = field.repeats && !fixedWidth ? value.split(/\s+/).filter(Boolean) : [value];
  for (const part of fixedWidth ? [] : parts) {
    const length = [...part].length;
    if (field.minLength !== undefined && length < field.minLength) return { kind: "length", expected: `minst ${field.minLength} tegn` };
    if (field.maxLength !== undefined && length > field.maxLength) return { kind: "length", expected: `høyst ${field.maxLength} tegn` };
  }
  if (field.pattern !== undefined && !parts.every((p) => anchored(field.pattern!).test(p))) return { kind: "pattern", expected: `en verdi som passer mønsteret ${field.pattern}` };
  if (codes) {
    for (const part of parts) {
      const valid = validSet(codes);
      if (valid.has(part) || (fixedWidth && valid.has(raw))) continue;
      const gone = codes.withdrawn.find((w) => w.code === part);
      if (gone) return { kind: "withdrawn", expected: `en kode som gjelder i rapporteringsåret: koden ${part} gjaldt til og med ${gone.lastYear} (${codes.source})` };
      const next = codes.later.find((l) => l.code === part);
      if (next) return { kind: "later", expected: `en kode som gjelder i rapporteringsåret: koden ${part} gjelder først fra ${next.firstYear} (${codes.source})` };
      return { kind: "code", expected: `en kode fra ${codes.source}` };
    }
  }
  return undefined;
}
