import type { Registry } from "../registry.ts";
import type { Finding } from "./finding.ts";
import { findingAt } from "../load/source-file.ts";
import { diffRegistry } from "../diff/index.ts";
import { versionAt } from "../registry.ts";

/**
 * Every change between neighbouring reporting years must be declared by a proposal, and every
 * declared change must happen. Both are warnings (errors with --strict).
 */
export function checkTraceability(registry: Registry): Finding[] {
  const findings: Finding[] = [];
  const years = registry.reportingYears;
  for (let i = 1; i < years.length; i++) {
    const set = diffRegistry(registry, years[i - 1], years[i]);
    const byItem = new Map<string, typeof set.changes>();
    for (const c of set.changes) if (!c.justified) byItem.set(c.item, [...(byItem.get(c.item) ?? []), c]);
    for (const [item, changes] of byItem) {
      const entry = registry.codelists.get(item)!;
      const version = versionAt(entry, years[i]);
      const file = registry.originOf(version?.data ?? entry.meta);
      if (!file) continue;
      const firstCode = changes.find((c) => c.code ?? c.to?.[0])?.code ?? changes[0].to?.[0];
      const index = version && firstCode !== undefined ? version.data.codes.findIndex((c) => c.code === firstCode) : -1;
      const what = changes.map((c) => `${c.type}${c.code ? ` ${c.code}` : c.from ? ` ${c.from.join("+")}→${c.to?.join("+")}` : ""}`).join(", ");
      findings.push(
        findingAt(file, index >= 0 ? ["codes", index] : [], `not justified: ${changes.length} change(s) to ${item} from ${years[i - 1]} to ${years[i]} that no change proposal declares (${what})`, `a proposal in changes/ with targetYear ${years[i]} listing these codes`, "warning"),
      );
    }
    for (const n of set.notCarriedOut) {
      if (n.targetYear !== years[i]) continue;
      const proposal = registry.proposals.get(n.proposal)!.data;
      const file = registry.originOf(proposal);
      if (!file) continue;
      const itemIndex = proposal.changes.findIndex((c) => c.codelist === n.item);
      const codeIndex = n.code !== undefined ? (proposal.changes[itemIndex].codes ?? []).indexOf(n.code) : -1;
      const path = codeIndex >= 0 ? ["changes", itemIndex, "codes", codeIndex] : ["changes", itemIndex];
      findings.push(findingAt(file, path, `not carried out: ${n.item}${n.code ? ` code ${n.code}` : ""} does not change from ${n.targetYear - 1} to ${n.targetYear}`, `the change in the ${n.item} version for ${n.targetYear}, or a status of avvist or utsatt`, "warning"));
    }
  }
  return findings;
}
