import { versionAt, type CodelistEntry, type Registry } from "../model/registry.ts";
import type { Code } from "../schema/index.ts";
import type { Change, ChangeType } from "./change.ts";
import { classify } from "./classify.ts";
import { codeOrder, declaredMappings } from "./correspondence-chain.ts";
import { wordDiff } from "./text-diff.ts";

type Draft = Omit<Change, "proposals" | "justified">;

const state = (c: Code) => ({
  label: c.name.nb,
  ...(c.notes !== undefined && { notes: c.notes }),
  ...(c.parent !== undefined && { parent: c.parent }),
  status: c.status ?? "active",
  ...(c.withdrawnFrom !== undefined && { withdrawnFrom: c.withdrawnFrom }),
});

/**
 * All changes of one codelist between two reporting years; linear in the number of codes.
 * `beforeEntry` is the codelist as another registry holds it (a branch's base, `kostra review`):
 * then the two sides are the same list in two registries, usually at one year. `counting`: the
 * changes only to be counted, each dated to the later version and without its word diff (the pages
 * of years that are not neighbours count 3.8 million changes at KOSTRA scale and show none).
 */
export function diffCodelist(registry: Registry, entry: CodelistEntry, fromYear: number, toYear: number, beforeEntry: CodelistEntry = entry, counting = false): Draft[] {
  const { meta } = entry;
  const base = { itemKind: "codelist" as const, item: meta.id, itemName: meta.name.nb, workingGroup: meta.workingGroup };
  const make = (type: ChangeType, year: number, rest: Partial<Draft>, key: string): Draft => ({ id: `codelist:${meta.id}:${type}:${key}`, ...base, type, year, ...rest, ...classify(type) });

  const before = versionAt(beforeEntry, fromYear);
  const after = versionAt(entry, toYear);
  if (!before && !after) return [];
  if (!before) {
    // Only a list whose introduction the content records is "added"; otherwise the registry simply covers it from later.
    const introduced = meta.introducedIn;
    return introduced !== undefined && introduced > fromYear && introduced <= toYear ? [make("codelist-added", introduced, {}, "")] : [];
  }
  if (!after) return meta.discontinuedFrom !== undefined && meta.discontinuedFrom <= toYear ? [make("codelist-discontinued", meta.discontinuedFrom, {}, "")] : [];
  if (before === after) return [];

  // The years in between, each version's codes indexed once, to date every change.
  const between = counting ? [] : entry.versions.filter((v) => v.year > fromYear && v.year <= toYear).map((v) => ({ year: v.year, codes: new Map(v.data.codes.map((c) => [c.code, c])) }));
  const firstYear = (pred: (codes: Map<string, Code>) => boolean) => between.find((v) => pred(v.codes))?.year ?? after.year;
  const textDiff = (before: string, after: string) => (counting ? {} : { textDiff: wordDiff(before, after) });

  const old = new Map(before.data.codes.map((c) => [c.code, c]));
  const now = new Map(after.data.codes.map((c) => [c.code, c]));
  const mappings = declaredMappings(entry, before.year, toYear, old);
  const explainedOld = new Set(mappings.flatMap((m) => m.from));
  const explainedNew = new Set(mappings.flatMap((m) => m.to));
  const drafts: Draft[] = [];

  for (const m of mappings) drafts.push(make(m.type, m.year, { from: m.from, to: m.to }, m.from.join("+")));

  for (const [code, c] of old) {
    const n = now.get(code);
    if (!n) {
      if (!explainedOld.has(code)) drafts.push(make("code-removed", firstYear((v) => !v.has(code)), { code, before: state(c) }, code));
      continue;
    }
    if (c.name.nb !== n.name.nb) {
      drafts.push(make("code-renamed", firstYear((v) => v.get(code)?.name.nb !== c.name.nb), { code, before: { label: c.name.nb }, after: { label: n.name.nb }, ...textDiff(c.name.nb, n.name.nb) }, code));
    }
    if ((c.notes ?? "") !== (n.notes ?? "")) {
      drafts.push(make("code-notes-changed", firstYear((v) => (v.get(code)?.notes ?? "") !== (c.notes ?? "")), { code, before: { notes: c.notes ?? "" }, after: { notes: n.notes ?? "" }, ...textDiff(c.notes ?? "", n.notes ?? "") }, code));
    }
    if (c.parent !== n.parent) {
      drafts.push(make("code-moved", firstYear((v) => v.get(code)?.parent !== c.parent), { code, before: { parent: c.parent }, after: { parent: n.parent } }, code));
    }
    const wasDeprecated = c.status === "deprecated";
    const isDeprecated = n.status === "deprecated";
    if (!wasDeprecated && isDeprecated) {
      const type = n.withdrawnFrom !== undefined && n.withdrawnFrom <= toYear ? "code-withdrawn" : "code-deprecated";
      drafts.push(make(type, firstYear((v) => v.get(code)?.status === "deprecated"), { code, before: state(c), after: state(n) }, code));
    } else if (wasDeprecated && !isDeprecated) {
      drafts.push(make("code-reactivated", firstYear((v) => v.get(code)?.status !== "deprecated"), { code, before: state(c), after: state(n) }, code));
    }
  }
  for (const [code, n] of now) {
    if (!old.has(code) && !explainedNew.has(code)) drafts.push(make("code-added", firstYear((v) => v.has(code)), { code, after: state(n) }, code));
  }
  return drafts.sort((a, b) => codeOrder(a.code ?? a.from?.[0] ?? "", b.code ?? b.from?.[0] ?? "") || a.type.localeCompare(b.type));
}
