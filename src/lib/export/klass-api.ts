import { createHash } from "node:crypto";
import { isNationalId } from "../guard/national-id.ts";
import { versionAt, type CodelistEntry, type Registry, type Version } from "../model/registry.ts";
import type { CodelistVersion } from "../schema/index.ts";
import { klassYearKey, versionEnd } from "./klass.ts";

/**
 * The KLASS query API's documents, made at build time (by the pages under src/pages/api/klass/v1/)
 * beside the static API. SSB's KLASS clients (klassR, ssb-klass-python) ask query URLs
 * (`…/codesAt?date=…`), which a static host cannot answer; for every key a classification is asked
 * by (the codelist's id and its KLASS number, `klassId`) the build writes what those queries need:
 *
 *   /api/klass/v1/classifications/<key>/index.json                the classification, as KLASS's `classifications/{id}`
 *   /api/klass/v1/classifications/<key>/routes.json               the query server's index: years, versions, segments
 *   /api/klass/v1/classifications/<key>/correspondsAt/<year>.json the version's correspondences, as KLASS's `correspondsAt`
 *   /api/klass/v1/classifications.json, versions.json             the classifications; version number → codelist
 *
 * The codes and changes themselves are the static API's files (`/api/v1/codelists/<id>/<year>.klass.json`,
 * `…/changes/<y-1>-<y>.klass.json`). The query server (src/lib/serve/klass-routes.ts) answers from
 * these files only, and the rewrite rules in docs/api.md express the same mapping by year.
 */

/** Years [from, to) whose KLASS list is the file of `year`; `to` null while the list stays in force. */
export interface KlassSegment {
  from: number;
  to: number | null;
  year: number;
}

export interface KlassRoutesVersion {
  /** The version's number, as KLASS numbers versions: `/versions/<id>`. */
  id: number;
  year: number;
  name: string;
  validFrom: string;
  validTo: string | null;
  /** Whether the version declares correspondences from the version before it. */
  correspondences: boolean;
}

/** `classifications/<key>/routes.json`. */
export interface KlassRoutes {
  codelist: string;
  klassId: number | null;
  name: string;
  /** Years with a list: `/api/v1/codelists/<codelist>/<year>.klass.json`. */
  years: number[];
  segments: KlassSegment[];
  /** Years y with `/api/v1/codelists/<codelist>/changes/<y-1>-<y>.klass.json`. */
  changes: number[];
  /** Years with a `correspondsAt/<year>.json`. */
  correspondences: number[];
  versions: KlassRoutesVersion[];
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";
const jan1 = (year: number) => `${year}-01-01`;
/** KLASS's timestamp format (yyyy-MM-dd'T'HH:mm:ss.SSSZ). The registry has no edit times: a version counts as made on its first day. */
const stamp = (year: number) => `${jan1(year)}T00:00:00.000+0000`;

/**
 * Version numbers for `/versions/<n>`: KLASS's clients read a version's number from the end of its
 * URL and ssb-klass-python needs an integer, so a number derived from the codelist and the version's
 * year (stable across builds and content additions), unique across the registry.
 */
export function klassVersionIds(registry: Registry): Map<string, number> {
  return stableNumbers([...registry.codelists.values()].flatMap((e) => e.versions.map((v) => `${e.meta.id}@${v.year}`)));
}

/** A number for each key, derived from the key alone (so stable across builds and additions), unique among `keys`. */
export function stableNumbers(keys: readonly string[]): Map<string, number> {
  const ids = new Map<string, number>();
  const taken = new Set<number>();
  for (const key of [...keys].sort()) {
    // 40 bits: collisions are as good as impossible; if one happens, probing keeps the numbers unique and deterministic.
    for (let salt = 0; ; salt++) {
      const n = parseInt(createHash("sha256").update(salt ? `${key}#${salt}` : key).digest("hex").slice(0, 10), 16);
      // Never a number the personal-data guard would take for a national identity number: the
      // build's last check refuses such output (it hit one at KOSTRA scale).
      if (!taken.has(n) && !isNationalId(String(n))) {
        taken.add(n);
        ids.set(key, n);
        break;
      }
    }
  }
  return ids;
}

/**
 * The number KLASS's clients know a codelist by: SSB's KLASS number where the list is a KLASS
 * classification, else the registry's own (`numericId`); undefined for a list with neither, which is
 * then asked by its id only. ssb-klass-python needs a number (`targetClassificationId`, the last part
 * of a search result's link), so every bundled list has one (docs/api.md).
 */
export const klassNumber = (entry: CodelistEntry): number | undefined => entry.meta.klassId ?? entry.meta.numericId;

/** The key a codelist's own links end in: its number where it has one, as KLASS's links do. */
export const klassLinkKey = (entry: CodelistEntry): string => String(klassNumber(entry) ?? entry.meta.id);

/** The keys a codelist is asked by: its id, its KLASS number and its own number, where it has them. */
export function klassKeys(registry: Registry): Map<string, CodelistEntry> {
  const keys = new Map<string, CodelistEntry>();
  for (const entry of registry.codelists.values()) keys.set(entry.meta.id, entry);
  for (const field of ["klassId", "numericId"] as const) {
    for (const entry of registry.codelists.values()) {
      if (entry.meta[field] === undefined) continue;
      const key = String(entry.meta[field]);
      const other = keys.get(key);
      if (other) throw new Error(`${field} ${key} of codelist "${entry.meta.id}" is already ${other.meta.id === key ? "a codelist's id" : `a number of "${other.meta.id}"`}: each must answer one classification`);
      keys.set(key, entry);
    }
  }
  return keys;
}

/** The routing index of a codelist. */
export function klassRoutes(registry: Registry, entry: CodelistEntry, versionIds: Map<string, number>): KlassRoutes {
  const years = registry.yearsOf(entry);
  const versions = entry.versions.filter((v) => years.some((y) => versionAt(entry, y) === v));
  const segments: KlassSegment[] = [];
  for (const year of years) {
    const version = versionAt(entry, year)!;
    const last = segments.at(-1);
    const same = last && last.to === year && versionAt(entry, last.year) === version && klassYearKey(version, last.year) === klassYearKey(version, year);
    if (same) last.to = year + 1;
    else segments.push({ from: year, to: year + 1, year });
  }
  // The last list stays in force after the registry's last year unless its version or the list ends.
  const tail = segments.at(-1);
  if (tail && tail.to === (registry.lastYear ?? 0) + 1 && versionEnd(entry, versionAt(entry, tail.year)!) === undefined) tail.to = null;
  const hasPrevious = (v: Version<CodelistVersion>) => entry.versions.indexOf(v) > 0;
  return {
    codelist: entry.meta.id,
    klassId: entry.meta.klassId ?? null,
    name: entry.meta.name.nb,
    years,
    segments,
    changes: years.slice(1),
    correspondences: years.filter((y) => {
      const v = versionAt(entry, y)!;
      return Boolean(v.data.correspondences?.length) && hasPrevious(v);
    }),
    versions: versions.map((v) => {
      const end = versionEnd(entry, v);
      return {
        id: versionIds.get(`${entry.meta.id}@${v.year}`)!,
        year: v.year,
        name: `${entry.meta.name.nb} ${v.year}`,
        validFrom: jan1(v.year),
        validTo: end !== undefined ? jan1(end) : null,
        correspondences: Boolean(v.data.correspondences?.length) && hasPrevious(v),
      };
    }),
  };
}

/** KLASS's `classifications/{id}` response for one key. */
export function klassClassification(registry: Registry, entry: CodelistEntry, key: string, routes: KlassRoutes, siteUrl: string) {
  const base = `${siteUrl}/api/klass/v1`;
  const self = `${base}/classifications/${klassLinkKey(entry)}`;
  const group = registry.workingGroups.get(entry.meta.workingGroup)?.name.nb ?? entry.meta.workingGroup;
  const codes = entry.versions.flatMap((v) => v.data.codes);
  const date = "date=<yyyy-MM-dd>";
  const range = "from=<yyyy-MM-dd>,to=<yyyy-MM-dd>";
  return {
    name: entry.meta.name.nb,
    // KLASS's ids are numbers; a list without one keeps answering with the key it was asked by.
    id: klassNumber(entry) ?? (/^\d+$/.test(key) ? Number(key) : key),
    classificationType: "Kodeliste",
    lastModified: stamp(Math.max(...routes.versions.map((v) => v.year))),
    description: entry.meta.description ?? "",
    primaryLanguage: "nb",
    copyrighted: false,
    includeShortName: codes.some((c) => c.shortName !== undefined),
    includeNotes: codes.some((c) => c.notes !== undefined),
    // The registry names the owning working group, not a person.
    contactPerson: { name: group, email: "", phone: "" },
    owningSection: group,
    statisticalUnits: [],
    // KLASS leaves validTo out of the version in force.
    versions: routes.versions.map((v) => ({
      name: v.name,
      validFrom: v.validFrom,
      ...(v.validTo !== null && { validTo: v.validTo }),
      lastModified: stamp(v.year),
      published: ["nb"],
      _links: { self: { href: `${base}/versions/${v.id}` } },
    })),
    _links: {
      self: { href: self },
      codes: { href: `${self}/codes{?${range},csvSeparator,selectLevel,selectCodes,presentationNamePattern}`, templated: true },
      codesAt: { href: `${self}/codesAt{?${date},csvSeparator,selectLevel,selectCodes,presentationNamePattern}`, templated: true },
      corresponds: { href: `${self}/corresponds{?targetClassificationId,${range},csvSeparator}`, templated: true },
      correspondsAt: { href: `${self}/correspondsAt{?targetClassificationId,${date},csvSeparator}`, templated: true },
      changes: { href: `${self}/changes{?${range},csvSeparator}`, templated: true },
    },
  };
}

/**
 * KLASS's `correspondsAt` response for a version: its declared correspondences, from the codes of
 * the version before (source) to its own (target), sorted as KLASS sorts them.
 */
export function klassCorrespondences(entry: CodelistEntry, version: Version<CodelistVersion>) {
  const previous = entry.versions[entry.versions.indexOf(version) - 1];
  const before = new Map((previous?.data.codes ?? []).map((c) => [c.code, c]));
  const after = new Map(version.data.codes.map((c) => [c.code, c]));
  const items = (version.data.correspondences ?? []).flatMap((corr) =>
    corr.from.flatMap((f) =>
      corr.to.map((t) => ({
        sourceCode: f,
        sourceName: before.get(f)?.name.nb ?? null,
        sourceShortName: before.has(f) ? (before.get(f)!.shortName ?? "") : null,
        targetCode: t,
        targetName: after.get(t)?.name.nb ?? null,
        targetShortName: after.has(t) ? (after.get(t)!.shortName ?? "") : null,
      })),
    ),
  );
  const cmp = (a: string | null, b: string | null) => ((a ?? "") < (b ?? "") ? -1 : (a ?? "") > (b ?? "") ? 1 : 0);
  items.sort((a, b) => cmp(a.sourceCode, b.sourceCode) || cmp(a.sourceName, b.sourceName) || cmp(a.targetCode, b.targetCode) || cmp(a.targetName, b.targetName));
  return { correspondenceItems: items };
}

export interface KlassDocument {
  key: string;
  entry: CodelistEntry;
  routes: KlassRoutes;
  classification: ReturnType<typeof klassClassification>;
}

const made = new WeakMap<Registry, KlassDocument[]>();

/** Every key's documents, made once per registry (the pages that write them each ask). Lists no reporting year covers are left out. */
export function klassDocuments(registry: Registry, siteUrl: string): KlassDocument[] {
  let docs = made.get(registry);
  if (!docs) {
    const ids = klassVersionIds(registry);
    docs = [...klassKeys(registry)].flatMap(([key, entry]) => {
      const routes = klassRoutes(registry, entry, ids);
      return routes.years.length ? [{ key, entry, routes, classification: klassClassification(registry, entry, key, routes, siteUrl) }] : [];
    });
    made.set(registry, docs);
  }
  return docs;
}

/** KLASS's `classifications` list (one page holding all), by codelist id. */
export function klassClassificationList(registry: Registry, siteUrl: string) {
  const list = klassDocuments(registry, siteUrl)
    .filter((d) => d.key === d.entry.meta.id)
    .map(({ classification: { name, id, classificationType, lastModified, _links } }) => ({ name, id, classificationType, lastModified, _links: { self: _links.self } }));
  return { _embedded: { classifications: list }, _links: { self: { href: `${siteUrl}/api/klass/v1/classifications` } }, page: { size: list.length, totalElements: list.length, totalPages: 1, number: 0 } };
}

/** Version number → codelist id, for `/versions/<n>`. */
export function klassVersionsIndex(registry: Registry, siteUrl: string): Record<string, string> {
  const index: Record<string, string> = {};
  for (const d of klassDocuments(registry, siteUrl)) if (d.key === d.entry.meta.id) for (const v of d.routes.versions) index[v.id] = d.entry.meta.id;
  return index;
}
