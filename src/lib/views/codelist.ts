import { versionAt, type CodelistEntry, type Registry, type Version } from "../model/registry.ts";
import type { Code, CodelistVersion } from "../schema/index.ts";

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

/** What a code table needs from the whole list, whichever page of it is shown. */
export interface CodeTableLayout {
  /** Depth of each code in the hierarchy (0 for a top-level code). */
  depth: ReadonlyMap<string, number>;
  /** Whether any code has notes, so the table has a notes column on every page. */
  hasNotes: boolean;
}

const layouts = new WeakMap<readonly Code[], CodeTableLayout>();

/**
 * The layout of a version's code list, computed once per list: a 20,000-code version is shown on
 * 40 pages in each of its years, and walking the whole list for each page made the code table the
 * most expensive component of the build.
 */
export function codeTableLayout(codes: readonly Code[]): CodeTableLayout {
  let layout = layouts.get(codes);
  if (!layout) {
    const depth = new Map<string, number>();
    for (const c of codes) depth.set(c.code, c.parent !== undefined ? (depth.get(c.parent) ?? 0) + 1 : 0);
    layout = { depth, hasNotes: codes.some((c) => c.notes !== undefined) };
    layouts.set(codes, layout);
  }
  return layout;
}
