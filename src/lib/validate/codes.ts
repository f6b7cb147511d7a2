import type { Registry } from "../model/registry.ts";
import type { Finding } from "../findings/finding.ts";
import { findingAt } from "../findings/source-file.ts";

/** Within a codelist version: unique codes, parents that exist without cycles, correspondences to codes that exist. */
export function checkCodes(registry: Registry, broken: ReadonlySet<string> = new Set()): Finding[] {
  const findings: Finding[] = [];
  for (const entry of registry.codelists.values()) {
    entry.versions.forEach((version, i) => {
      const file = registry.originOf(version.data);
      if (!file) return;
      const { codes } = version.data;
      const index = new Map<string, number>();
      codes.forEach((c, j) => {
        const first = index.get(c.code);
        if (first !== undefined) {
          findings.push(findingAt(file, ["codes", j, "code"], `duplicate code "${c.code}" (first at codes.${first})`, "each code once per version"));
        } else index.set(c.code, j);
      });
      codes.forEach((c, j) => {
        if (c.parent === undefined) return;
        if (!index.has(c.parent)) {
          findings.push(findingAt(file, ["codes", j, "parent"], `parent "${c.parent}" is not a code of this version`, "the code of another entry in the same version"));
          return;
        }
        const seen = new Set([c.code]);
        for (let p: string | undefined = c.parent; p !== undefined; p = codes[index.get(p)!]?.parent) {
          if (seen.has(p)) {
            findings.push(findingAt(file, ["codes", j, "parent"], `parent chain of "${c.code}" loops back to "${p}"`, "a hierarchy without cycles"));
            break;
          }
          seen.add(p);
        }
      });
      const previous = entry.versions[i - 1];
      const previousCodes = new Set(previous?.data.codes.map((c) => c.code));
      // With a version file that failed to load, "previous" may not be the real previous version.
      if (broken.has(`codelistVersion:${entry.meta.id}`)) return;
      (version.data.correspondences ?? []).forEach((corr, k) => {
        if (!previous) {
          findings.push(findingAt(file, ["correspondences", k], "correspondences in the first version have no previous version to map from", "correspondences only in later versions"));
          return;
        }
        corr.from.forEach((code, m) => {
          if (!previousCodes.has(code)) findings.push(findingAt(file, ["correspondences", k, "from", m], `"${code}" is not a code of the previous version (${previous.year})`, `a code of ${entry.meta.id} ${previous.year}`));
        });
        corr.to.forEach((code, m) => {
          if (!index.has(code)) findings.push(findingAt(file, ["correspondences", k, "to", m], `"${code}" is not a code of this version`, `a code of ${entry.meta.id} ${version.year}`));
        });
      });
    });
  }
  return findings;
}
