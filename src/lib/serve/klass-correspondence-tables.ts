import type { KlassRoutes, KlassRoutesVersion } from "../export/klass-api.ts";

/**
 * KLASS's correspondence tables, as a version lists them (`versions/{id}` → `correspondenceTables`)
 * and as `correspondencetables/{id}` gives one. The registry's correspondences are between a list's
 * versions: a version that declares them has one change table (KLASS's `changeTable: true`), from
 * the version before it to itself. A table's number is that target version's number, so it needs no
 * index of its own and stays the same from build to build.
 */

export interface ChangeTable {
  id: number;
  source: KlassRoutesVersion;
  target: KlassRoutesVersion;
}

/** What a table takes from its classification's document. */
export interface TableOwner {
  base: string;
  contactPerson: unknown;
  owningSection: string;
}

const stamp = (year: number) => `${year}-01-01T00:00:00.000+0000`;

/** Every change table of a classification, oldest first. */
export function changeTables(routes: KlassRoutes): ChangeTable[] {
  return routes.versions.flatMap((target, i) => (target.correspondences && i > 0 ? [{ id: target.id, source: routes.versions[i - 1], target }] : []));
}

/** The year whose `correspondsAt/<year>.json` holds a table's items: the target version's first. */
export const tableYear = (routes: KlassRoutes, table: ChangeTable): number | undefined =>
  routes.correspondences.find((y) => `${y}-01-01` >= table.target.validFrom && (table.target.validTo === null || `${y}-01-01` < table.target.validTo));

/** KLASS's CorrespondenceTableSummary, in KLASS's order of fields. */
export function tableSummary(owner: TableOwner, table: ChangeTable) {
  return {
    name: `${table.source.name} - ${table.target.name}`,
    contactPerson: owner.contactPerson,
    owningSection: owner.owningSection,
    source: table.source.name,
    sourceId: table.source.id,
    target: table.target.name,
    targetId: table.target.id,
    changeTable: true,
    lastModified: stamp(table.target.year),
    published: ["nb"],
    sourceLevel: null,
    targetLevel: null,
    _links: {
      self: { href: `${owner.base}/correspondencetables/${table.id}` },
      source: { href: `${owner.base}/versions/${table.source.id}` },
      target: { href: `${owner.base}/versions/${table.target.id}` },
    },
  };
}

/** The tables a version takes part in, as source or target (KLASS's `correspondenceTables` of a version). */
export function versionTables(owner: TableOwner, routes: KlassRoutes, version: KlassRoutesVersion) {
  return changeTables(routes)
    .filter((t) => t.source.id === version.id || t.target.id === version.id)
    .map((t) => tableSummary(owner, t));
}

/** Java's String.compareTo, which KLASS sorts with (null as ""). */
const byText = (a: string | null, b: string | null) => ((a ?? "") < (b ?? "") ? -1 : (a ?? "") > (b ?? "") ? 1 : 0);

type Item = { sourceCode: string | null; sourceName: string | null; targetCode: string | null; targetName: string | null };

/** KLASS's `correspondencetables/{id}`: the summary with its maps, sorted by source code, then target code, as KLASS sorts them. */
export function correspondenceTable(owner: TableOwner, table: ChangeTable, items: readonly Item[]) {
  const { _links, ...summary } = tableSummary(owner, table);
  const maps = items
    .map((i) => ({ sourceCode: i.sourceCode, sourceName: i.sourceName, targetCode: i.targetCode, targetName: i.targetName }))
    .sort((a, b) => byText(a.sourceCode, b.sourceCode) || byText(a.targetCode, b.targetCode));
  const { name, ...rest } = summary;
  return { name, id: table.id, ...rest, description: "", changelogs: [], correspondenceMaps: maps, _links };
}
