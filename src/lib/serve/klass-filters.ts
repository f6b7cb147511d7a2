/**
 * KLASS's request parameters that shape a list of codes: `selectLevel`, `selectCodes` and
 * `presentationNamePattern`, with KLASS's rules (its api-guide and CodeList/PresentationNameBuilder),
 * and KLASS's order of codes. Pure functions over the items the static files hold.
 */

export interface KlassCodeItem {
  code: string;
  parentCode: string | null;
  level: string;
  name: string;
  shortName: string;
  presentationName: string;
  validFrom: string | null;
  validTo: string | null;
  notes: string;
}

/** A request parameter KLASS refuses with 400 Bad Request. */
export class BadRequest extends Error {}

/** KLASS's 404 with a reason; its clients look for "not found" and "no correspondence table" in the text. */
export class NotFound extends Error {}

const MAX_SELECT_CODES_LENGTH = 200;
const MAX_SELECT_CODES_PARAMETERS = 20;

/**
 * The codes `selectCodes` asks for: a comma-separated list of codes (`3004`), prefixes (`11*`) and
 * ranges (`3004-3400`, `3004-34*`), compared as text as KLASS does. KLASS allows digits only; the
 * registry's codes also hold letters and dots (`1.1.1`), so those are allowed in a code too.
 */
export function selectCodes(selectCodes: string): (code: string) => boolean {
  if (!selectCodes.trim()) return () => true;
  if (selectCodes.length > MAX_SELECT_CODES_LENGTH) throw new BadRequest("selectCodes too long");
  if (!/^[\p{L}\p{N}.,\-*\s]+$/u.test(selectCodes)) throw new BadRequest("selectCodes contains illegal characters");
  const parameters = selectCodes.split(",");
  if (parameters.length > MAX_SELECT_CODES_PARAMETERS) throw new BadRequest("Too many selectCodes parameters");
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const ranges: [string, string][] = [];
  const token = /^[\p{L}\p{N}.]+$/u;
  for (const raw of parameters) {
    const p = raw.trim();
    if (!p) continue;
    const dash = p.indexOf("-");
    if (dash >= 0) {
      const from = p.slice(0, dash).trim().replace(/\*/g, "");
      const right = p.slice(dash + 1).trim();
      // `34*` ends before the next prefix (`35`); `3400` takes everything that starts with it.
      const upper = right.endsWith("*") ? nextPrefix(right.slice(0, -1)) : right + "\uffff";
      if (token.test(from) && upper && from < upper) ranges.push([from, upper]);
    } else if (p.endsWith("*")) {
      if (token.test(p.slice(0, -1))) prefixes.push(p.slice(0, -1));
    } else if (token.test(p)) exact.add(p);
  }
  if (!exact.size && !prefixes.length && !ranges.length) return () => true;
  return (code) => exact.has(code) || prefixes.some((p) => code.startsWith(p)) || ranges.some(([from, to]) => from <= code && code < to);
}

/** The shortest text after every text that starts with `prefix` (KLASS: "34" → "35", "399" → "4"). */
function nextPrefix(prefix: string): string | undefined {
  if (!/^\d+$/.test(prefix)) return prefix ? prefix + "\uffff" : undefined;
  const digits = [...prefix];
  for (let i = digits.length - 1; i >= 0; i--) {
    if (digits[i] !== "9") return digits.slice(0, i).join("") + String(Number(digits[i]) + 1);
  }
  return "1" + "0".repeat(prefix.length);
}

/**
 * KLASS's presentationName for a pattern such as `{code} - {capitalize(name)}`; "" without one.
 * KLASS's builder spells the short name `{shortname}`; its guide writes `{shortName}`: both work.
 */
export function presentationName(pattern: string | null, item: Pick<KlassCodeItem, "code" | "name" | "shortName">): string {
  if (!pattern) return "";
  const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const fields: Record<string, string> = { code: item.code, name: item.name, shortname: item.shortName };
  return pattern.replace(/\{(?:(lowercase|uppercase|capitalize)\()?(code|name|shortname)\)?\}/gi, (whole, fn: string | undefined, field: string) => {
    const value = fields[field.toLowerCase()];
    // KLASS replaces the literal forms only: a function with its parenthesis, a field without.
    if (Boolean(fn) !== whole.endsWith(")}")) return whole;
    if (!fn) return value;
    const f = fn.toLowerCase();
    return f === "lowercase" ? value.toLowerCase() : f === "uppercase" ? value.toUpperCase() : capitalize(value);
  });
}

/** KLASS's order of codes: by the code as text (Java's String.compareTo, which compares UTF-16 units as JavaScript does). */
export const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** `selectLevel`, `selectCodes` and `presentationNamePattern` applied as KLASS applies them, then KLASS's order. */
export function shapeCodes<T extends KlassCodeItem>(items: T[], params: { selectLevel?: string | null; selectCodes?: string | null; presentationNamePattern?: string | null }): T[] {
  const level = params.selectLevel?.trim();
  if (level && !/^\d+$/.test(level)) throw new BadRequest(`selectLevel must be a whole number, not "${level}"`);
  const wanted = selectCodes(params.selectCodes ?? "");
  return items
    .filter((c) => (!level || c.level === level) && wanted(c.code))
    .map((c) => ({ ...c, presentationName: presentationName(params.presentationNamePattern ?? null, c) }))
    .sort(byCode);
}
