import type { Registry } from "../model/registry.ts";
import type { Finding } from "../findings/finding.ts";
import { findingAt } from "../findings/source-file.ts";

/**
 * A codelist's numbers (`klassId`, SSB's KLASS number; `numericId`, the registry's own) are how
 * KLASS's clients ask for it (`/api/klass/v1/classifications/<n>`), and a number printed in a
 * script or a search result must always name the same list: each number names one codelist.
 * (That a retired `numericId` is never given to another list is a rule of the docs and of review:
 * the content alone cannot see a number that was removed.)
 */
export function checkCodelistNumbers(registry: Registry): Finding[] {
  const findings: Finding[] = [];
  const owners = new Map<number, { id: string; field: string }>();
  const entries = [...registry.codelists.values()].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
  for (const field of ["klassId", "numericId"] as const) {
    for (const entry of entries) {
      const n = entry.meta[field];
      if (n === undefined) continue;
      const owner = owners.get(n);
      const file = registry.originOf(entry.meta);
      if (owner && file) findings.push(findingAt(file, [field], `${field} ${n} is already the ${owner.field} of codelist "${owner.id}"`, "a number no other codelist has"));
      else if (!owner) owners.set(n, { id: entry.meta.id, field });
    }
  }
  return findings;
}
