import type { Registry, Versioned } from "../model/registry.ts";
import type { Finding } from "../findings/finding.ts";
import { findingAt } from "../findings/source-file.ts";

type AnyVersioned = Versioned<{ discontinuedFrom?: number }, { validTo?: number; confirmedTo?: number }>;

/** Versions must exist, be in order and not overlap; nothing may start after the item is discontinued. */
export function checkVersions(registry: Registry, broken: ReadonlySet<string> = new Set()): Finding[] {
  const findings: Finding[] = [];
  const check = (entries: Iterable<AnyVersioned & { meta: { id: string } }>, what: string, versionKind: string) => {
    for (const entry of entries) {
      const metaFile = registry.originOf(entry.meta);
      if (!entry.versions.length && metaFile && !broken.has(`${versionKind}:${entry.meta.id}`)) {
        findings.push(findingAt(metaFile, [], `${what} has no versions`, `at least one version file named by its first reporting year, e.g. 2023.yaml, beside ${metaFile.path}`));
      }
      entry.versions.forEach((v, i) => {
        const file = registry.originOf(v.data);
        if (!file) return;
        const next = entry.versions[i + 1];
        const { validTo } = v.data;
        if (validTo !== undefined && validTo < v.year) {
          findings.push(findingAt(file, ["validTo"], `validTo ${validTo} is before the version's first year ${v.year} (out of order)`, `a year from ${v.year} on`));
        }
        if (validTo !== undefined && next && validTo >= next.year) {
          findings.push(findingAt(file, ["validTo"], `version ${v.year} overlaps version ${next.year}: it is valid to ${validTo}`, `validTo before ${next.year}, or no validTo`));
        }
        const { confirmedTo } = v.data;
        if (confirmedTo !== undefined && confirmedTo < v.year) {
          findings.push(findingAt(file, ["confirmedTo"], `confirmedTo ${confirmedTo} is before the version's first year ${v.year}`, `a year from ${v.year} on`));
        }
        const end = entry.meta.discontinuedFrom;
        if (end !== undefined && v.year >= end) {
          findings.push(findingAt(file, [], `version ${v.year} starts after the ${what} is discontinued (discontinuedFrom: ${end})`, `versions before ${end}, or a later discontinuedFrom`));
        }
      });
    }
  };
  check(registry.codelists.values(), "codelist", "codelistVersion");
  check(registry.forms.values(), "form", "formVersion");
  return findings;
}
