import type { Registry } from "../model/registry.ts";
import type { Finding, PathSegment } from "../findings/finding.ts";
import { findingAt } from "../findings/source-file.ts";
import { diffRegistry } from "../diff/index.ts";
import { declaredItems } from "../diff/trace.ts";
import { versionAt } from "../model/registry.ts";
import type { Change } from "../diff/change.ts";
import type { FormVersion } from "../schema/index.ts";

/** Where a form element or control is written in its version file. */
function elementPath(v: FormVersion, id: string): PathSegment[] {
  const [head, tail] = id.split(".");
  for (const [i, s] of (v.sections ?? []).entries()) {
    if (s.id === id) return ["sections", i];
    for (const [j, f] of (s.fields ?? []).entries()) if (f.id === id) return ["sections", i, "fields", j];
    for (const [j, t] of (s.tables ?? []).entries()) {
      if (t.id !== head) continue;
      const r = t.rows.findIndex((x) => x.id === tail);
      const c = t.columns.findIndex((x) => x.id === tail);
      return r >= 0 ? ["sections", i, "tables", j, "rows", r] : c >= 0 ? ["sections", i, "tables", j, "columns", c] : ["sections", i, "tables", j];
    }
  }
  for (const [i, r] of (v.records ?? []).entries()) {
    if (r.id !== head) continue;
    const f = r.fields.findIndex((x) => x.name === tail);
    return f >= 0 ? ["records", i, "fields", f] : ["records", i];
  }
  const c = (v.controls ?? []).findIndex((x) => x.id === id);
  return c >= 0 ? ["controls", c] : [];
}

const describe = (c: Change) => `${c.type}${c.code ? ` ${c.code}` : c.element ? ` ${c.element}` : c.from ? ` ${c.from.join("+")}→${c.to?.join("+")}` : ""}`;

/**
 * Every change between neighbouring reporting years must be declared by a proposal, and every
 * declared change must happen. Both are warnings (errors with --strict), one per item and year.
 */
export function checkTraceability(registry: Registry): Finding[] {
  const findings: Finding[] = [];
  const years = registry.reportingYears;
  for (let i = 1; i < years.length; i++) {
    const year = years[i];
    const set = diffRegistry(registry, years[i - 1], year);
    const byItem = new Map<string, Change[]>();
    // A year-only text change asks nothing of anyone; a bound codelist's codes under a form are warned about at the codelist.
    const warnable = (c: Change) => c.type !== "field-year-changed" && !(c.type.startsWith("field-code-") && (c.after?.codelist ?? c.before?.codelist) !== undefined);
    for (const c of set.changes) if (!c.justified && warnable(c)) byItem.set(`${c.itemKind}:${c.item}`, [...(byItem.get(`${c.itemKind}:${c.item}`) ?? []), c]);
    for (const changes of byItem.values()) {
      const { itemKind, item } = changes[0];
      let file;
      let path: PathSegment[] = [];
      let at: { line: number; column: number } | undefined;
      if (itemKind === "codelist") {
        const entry = registry.codelists.get(item)!;
        const version = versionAt(entry, year);
        file = registry.originOf(version?.data ?? entry.meta);
        const first = changes.map((c) => c.code ?? c.to?.[0]).find((x) => x !== undefined);
        const index = version && first !== undefined ? version.data.codes.findIndex((c) => c.code === first) : -1;
        if (index >= 0 && first !== undefined) {
          path = ["codes", index];
          // In a large list the code's own line is found in the text, not by parsing for positions.
          at = file?.locateEntry?.("code", first);
        }
      } else {
        const entry = registry.forms.get(item)!;
        const version = versionAt(entry, year);
        file = registry.originOf(version?.data ?? entry.meta);
        const first = changes.find((c) => c.element !== undefined && c.type !== "field-removed" && c.type !== "control-removed")?.element;
        if (version && first !== undefined) {
          path = elementPath(version.data, first);
          // Likewise the element's own line: its id (a record field's name) is written once in its version.
          const own = first.split(".").at(-1)!;
          at = file?.locateEntry?.(path.at(-2) === "fields" && path[0] === "records" ? "name" : "id", own);
        }
      }
      if (!file) continue;
      const message = `not justified: ${changes.length} change(s) to ${itemKind} ${item} from ${years[i - 1]} to ${year} that no change proposal declares (${changes.slice(0, 8).map(describe).join(", ")}${changes.length > 8 ? `, and ${changes.length - 8} more` : ""})`;
      const expected = `a proposal in changes/ with targetYear ${year} listing them`;
      findings.push(at ? { severity: "warning", file: file.path, ...at, field: path.join("."), message, expected } : findingAt(file, path, message, expected, "warning"));
    }
    for (const n of set.notCarriedOut) {
      if (n.targetYear !== year) continue;
      const proposal = registry.proposals.get(n.proposal)!.data;
      const file = registry.originOf(proposal);
      if (!file) continue;
      const d = declaredItems(proposal).find((x) => x.kind === n.itemKind && x.id === n.item)!;
      const item = proposal.changes[d.index];
      let path: PathSegment[] = ["changes", d.index];
      if (n.code !== undefined) {
        for (const key of ["codes", "fields", "controls"] as const) {
          const k = (item[key] ?? []).indexOf(n.code);
          if (k >= 0) path = ["changes", d.index, key, k];
        }
      }
      findings.push(findingAt(file, path, `not carried out: ${n.itemKind} ${n.item}${n.code ? ` ${n.code}` : ""} does not change from ${year - 1} to ${year}`, `the change in the ${n.item} version for ${year}, or a status of avvist or utsatt`, "warning"));
    }
  }
  return findings;
}
