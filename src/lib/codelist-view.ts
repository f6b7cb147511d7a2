import { versionAt, type CodelistEntry, type Registry, type Version } from "./registry.ts";
import type { CodelistVersion } from "./schema/index.ts";

/** What a codelist page for one reporting year shows, computed from the registry. */
export interface CodelistYearView {
  entry: CodelistEntry;
  year: number;
  version: Version<CodelistVersion>;
  /** Reporting years this version applies to. */
  appliesTo: { from: number; to: number };
  /** Every year the codelist applies, for the year switcher. */
  years: number[];
  deprecated: CodelistVersion["codes"];
}

export function codelistYearView(registry: Registry, entry: CodelistEntry, year: number): CodelistYearView {
  const version = versionAt(entry, year);
  if (!version) throw new Error(`codelist ${entry.meta.id} has no version in force in ${year}`);
  const years = registry.yearsOf(entry);
  const inThis = years.filter((y) => versionAt(entry, y) === version);
  return {
    entry,
    year,
    version,
    appliesTo: { from: inThis[0], to: inThis.at(-1)! },
    years,
    deprecated: version.data.codes.filter((c) => c.status === "deprecated"),
  };
}

/** Every (codelist, year) page the site has. */
export function codelistYearPaths(registry: Registry): { id: string; year: number }[] {
  return [...registry.codelists.values()].flatMap((e) => registry.yearsOf(e).map((year) => ({ id: e.meta.id, year })));
}
