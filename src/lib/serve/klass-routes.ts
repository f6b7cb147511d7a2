import { readFile, realpath } from "node:fs/promises";
import { existsSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import type { KlassRoutes } from "../export/klass-api.ts";
import { BadRequest, NotFound, byCode, shapeCodes, type KlassCodeItem } from "./klass-filters.ts";
import { isInside } from "./request-path.ts";
import { rebaseLinks } from "./klass-links.ts";
import type { KlassCatalogue } from "../export/klass-catalogue.ts";
import { classificationFamilies, classificationFamily, searchClassifications } from "./klass-catalogue.ts";
import { changeTables, correspondenceTable, tableYear, versionTables, type TableOwner } from "./klass-correspondence-tables.ts";

/**
 * KLASS's query URLs under /api/klass/v1/, answered from the files `kostra build` wrote: the
 * indexes under /api/klass/v1/ and the lists and changes of the static API (src/lib/export/klass-api.ts): the URLs, parameters, JSON fields and errors of SSB's KLASS API
 * (https://data.ssb.no/api/klass/v1/), so that klassR and ssb-klass-python work with only their base
 * URL changed. A classification is asked for by its codelist id or by its KLASS number.
 *
 *   classifications                                   the list
 *   classifications/{id}                              the classification with its versions
 *   classifications/{id}/codesAt?date=                the codes valid on a date
 *   classifications/{id}/codes?from=[&to=]            the codes valid in a range, each with its range
 *   classifications/{id}/changes?from=[&to=]          the changes in a range
 *   classifications/{id}/correspondsAt?targetClassificationId=&date=
 *   classifications/{id}/corresponds?targetClassificationId=&from=[&to=]
 *   versions/{n}                                      a version with its codes and correspondence tables
 *   classifications/search?query=                     the classifications that match (klass-catalogue.ts)
 *   classificationfamilies[/{id}]                     the families: the working groups' areas (klass-catalogue.ts)
 *   correspondencetables/{n}                          a change table between two versions (klass-correspondence-tables.ts)
 *
 * KLASS's deprecated `.json` suffix (ssb-klass-python asks `changes.json`) is accepted on each.
 */

export const KLASS_BASE = "/api/klass/v1";

export interface KlassResponse {
  status: number;
  body: unknown;
}


type Params = URLSearchParams;
type Item = KlassCodeItem;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const jan1 = (year: number) => `${year}-01-01`;
const stamp = (year: number) => `${jan1(year)}T00:00:00.000+0000`;

/** A date parameter, yyyy-MM-dd and a real day, as KLASS parses it; KLASS answers 400 otherwise. */
function date(params: Params, name: string, required: true): string;
function date(params: Params, name: string, required: false): string | null;
function date(params: Params, name: string, required: boolean): string | null {
  const value = params.get(name);
  if (value === null || value === "") {
    if (required) throw new BadRequest(`Required request parameter '${name}' for method parameter type LocalDate is not present`);
    return null;
  }
  const m = DATE.exec(value);
  const day = m && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (!m || !day || day.getUTCMonth() !== Number(m[2]) - 1 || day.getUTCDate() !== Number(m[3])) {
    throw new BadRequest(`Failed to convert value of type 'java.lang.String' to required type 'java.time.LocalDate'; parameter '${name}' must be a date written yyyy-MM-dd, not '${value}'`);
  }
  return value;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})(?:Z|([+-])(\d{2}):?(\d{2}))$/;

/** A date and time as KLASS writes and reads them (`2015-10-31T01:30:00.000-02:00`, `…-0200`, `…Z`), in ms since 1970; undefined when it is none. */
function instant(text: string): number | undefined {
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second, ms] = m.slice(1, 8).map(Number);
  const [sign, offsetHours, offsetMinutes] = [m[8] === "-" ? -1 : 1, Number(m[9] ?? 0), Number(m[10] ?? 0)];
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const real = new Date(Date.UTC(year, month - 1, day));
  if (real.getUTCMonth() !== month - 1 || real.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59 || offsetHours > 18 || offsetMinutes > 59) return undefined;
  return utc - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
}

/**
 * KLASS's `changedSince` on the list of classifications: only those changed after it. KLASS
 * (Spring's ISO date-time, with its fallback pattern) answers 400 to a value it cannot read.
 */
function changedSince(params: Params): number | null {
  const value = params.get("changedSince");
  if (value === null || value === "") return null;
  const since = instant(value);
  if (since === undefined) throw new BadRequest(`Failed to convert value of type 'java.lang.String' to required type 'java.util.Date'; changedSince must be a date and time written yyyy-MM-dd'T'HH:mm:ss.SSSXXX (2015-10-31T01:30:00.000-02:00), not '${value}'`);
  return since;
}

type ClassificationList = { _embedded: { classifications: { lastModified: string }[] }; page: { size: number; totalElements: number; totalPages: number; number: number } };

/** The list of classifications, those changed since `changedSince` when it is given. */
async function classifications(files: KlassFiles, params: Params): Promise<ClassificationList> {
  const since = changedSince(params);
  const list = await files.needed<ClassificationList>("classifications.json");
  if (since === null) return list;
  const changed = list._embedded.classifications.filter((c) => (instant(c.lastModified) ?? Infinity) > since);
  return { ...list, _embedded: { classifications: changed }, page: { ...list.page, size: changed.length, totalElements: changed.length } };
}

/** A range [from, to) as KLASS reads it: `from` required, `to` optional (open) and after `from`. */
function range(params: Params): [string, string | null] {
  const from = date(params, "from", true);
  const to = date(params, "to", false);
  if (to !== null && to <= from) throw new BadRequest(`'to' (${to}) must be after 'from' (${from})`);
  return [from, to];
}

/** `language` (nb, nn, en, any case) and `includeFuture` (true, false) as KLASS checks them. */
function checkCommon(params: Params): "nb" | "nn" | "en" {
  const language = (params.get("language") ?? "nb").toLowerCase();
  if (!["nb", "nn", "en"].includes(language)) throw new BadRequest(`Failed to convert value of type 'java.lang.String' to required type 'Language'; language must be nb, nn or en, not '${params.get("language")}'`);
  const future = params.get("includeFuture");
  // Accepted and not needed: the registry publishes next year's lists in advance, and always shows them.
  if (future !== null && !["true", "false"].includes(future.toLowerCase())) throw new BadRequest(`Failed to convert value of type 'java.lang.String' to required type 'java.lang.Boolean'; includeFuture must be true or false, not '${future}'`);
  return language as "nb" | "nn" | "en";
}

/** The lists are written in bokmål only: another language is "not published", as KLASS says (klassR looks for that phrase). */
function bokmålOnly(language: string, routes: KlassRoutes) {
  if (language !== "nb") throw new NotFound(`Classification '${routes.name}' is not published in language: ${language}`);
}

/** A file of the site `dist`, parsed; undefined when there is none, or when a symlink leads out of the site (its file is none of the site's). */
async function readJson<T>(dist: string, path: string): Promise<T | undefined> {
  try {
    if (!isInside(await realpath(dist), await realpath(path))) return undefined;
    return JSON.parse(await readFile(path, "utf8")) as T;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "ENOTDIR") return undefined;
    throw e;
  }
}

/** The files of the KLASS query API in one built site. */
class KlassFiles {
  constructor(private readonly dist: string) {}
  private path(...parts: string[]) {
    return join(this.dist, "api", "klass", "v1", ...parts);
  }
  file<T>(...parts: string[]) {
    return readJson<T>(this.dist, this.path(...parts));
  }
  /** Whether a path below the site is a file of it (the KLASS documents are served as they are too). */
  exists(pathname: string): boolean {
    const path = join(this.dist, pathname);
    return path.startsWith(join(this.dist, "api", "klass", "v1") + sep) && existsSync(path) && statSync(path).isFile();
  }
  /** A year's codes: the static API's KLASS list. */
  async codes(routes: KlassRoutes, year: number): Promise<Item[]> {
    return (await this.needed<{ codes: Item[] }>("..", "..", "v1", "codelists", routes.codelist, `${year}.klass.json`)).codes;
  }
  /** The changes taking effect 1 January of a year: the static API's KLASS changes. */
  async changes(routes: KlassRoutes, year: number): Promise<unknown[]> {
    return (await this.needed<{ codeChanges: unknown[] }>("..", "..", "v1", "codelists", routes.codelist, "changes", `${year - 1}-${year}.klass.json`)).codeChanges;
  }
  async routes(key: string): Promise<KlassRoutes> {
    const routes = KEY.test(key) ? await this.file<KlassRoutes>("classifications", key, "routes.json") : undefined;
    if (!routes) throw new NotFound(`Classification not found with id = ${key}`);
    return routes;
  }
  /** A file the routes name: its absence means the site is broken, not that the client asked wrong. */
  async needed<T>(...parts: string[]): Promise<T> {
    const value = await this.file<T>(...parts);
    if (value === undefined) throw new Error(`the built site lacks ${this.path(...parts)}: build it again`);
    return value;
  }
}

/** The segments (years that share one list file) that overlap [from, to). */
function segmentsIn(routes: KlassRoutes, from: string, to: string | null) {
  return routes.segments
    .map((s) => ({ ...s, start: jan1(s.from), end: s.to === null ? null : jan1(s.to) }))
    .filter((s) => (to === null || s.start < to) && (s.end === null || s.end > from));
}

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

async function codesAt(files: KlassFiles, routes: KlassRoutes, params: Params) {
  const day = date(params, "date", true);
  const [segment] = segmentsIn(routes, day, null).filter((s) => s.start <= day);
  // A date no version covers has no codes, as in KLASS.
  const codes = segment ? await files.codes(routes, segment.year) : [];
  return { codes: shapeCodes(codes, paramsOf(params)) };
}

/**
 * KLASS's `codes` for a range: every code valid in it, with its own validity and the part of the
 * range it is valid in; a code unchanged (same code, name and level) over several years is one item.
 */
async function codesInRange(files: KlassFiles, routes: KlassRoutes, params: Params) {
  const [from, to] = range(params);
  const runs = new Map<string, { item: Item; last: Item; start: string; end: string | null }[]>();
  for (const s of segmentsIn(routes, from, to)) {
    const codes = await files.codes(routes, s.year);
    const start = later(s.start, from);
    const end = earlier(s.end, to);
    for (const item of codes) {
      const id = `${item.code}\u0000${item.name}\u0000${item.level}`;
      const list = runs.get(id) ?? [];
      const previous = list.at(-1);
      // Segments come in order of time, so a run continues exactly when the last one ended where this starts.
      if (previous && previous.end === start) {
        previous.end = end;
        previous.last = item;
      } else list.push({ item, last: item, start, end });
      runs.set(id, list);
    }
  }
  const codes = [...runs.values()].flat().map(({ item, last, start, end }) => ({
    code: item.code,
    parentCode: item.parentCode,
    level: item.level,
    name: item.name,
    shortName: item.shortName,
    presentationName: item.presentationName,
    validFrom: item.validFrom,
    validTo: last.validTo,
    validFromInRequestedRange: start,
    validToInRequestedRange: end,
    notes: item.notes,
  }));
  return { codes: shapeCodes(codes, paramsOf(params)) };
}

/**
 * KLASS's `changes`: the changes between the versions the range overlaps, so a change on 1 January y
 * counts when the range holds a day before it and that day (`from` < y-01-01 < `to`); klassR adds a
 * day to its `to` for this.
 */
async function changes(files: KlassFiles, routes: KlassRoutes, params: Params) {
  const [from, to] = range(params);
  const years = routes.changes.filter((y) => from < jan1(y) && (to === null || jan1(y) < to));
  const codeChanges: unknown[] = [];
  for (const y of years) codeChanges.push(...(await files.changes(routes, y)));
  return { codeChanges };
}

/**
 * The registry's correspondences are between a list's versions: a classification corresponds to
 * itself (asked by either key), from the codes of the version before to the version in force.
 */
async function target(files: KlassFiles, routes: KlassRoutes, params: Params): Promise<void> {
  const id = params.get("targetClassificationId");
  if (id === null || id === "") throw new BadRequest("Required request parameter 'targetClassificationId' for method parameter type Long is not present");
  const other = await files.routes(id);
  if (other.codelist !== routes.codelist) throw new NotFound(noTable(routes, other));
}

const noTable = (source: KlassRoutes, target: KlassRoutes) => `Classification '${source.name}' has no correspondence table with Classification '${target.name}'`;

type Correspondence = { sourceCode: string; sourceName: string | null; sourceShortName: string | null; targetCode: string; targetName: string | null; targetShortName: string | null };

/** `inverted=true` turns the table around, as KLASS's correspondsAt does. */
function invert(items: Correspondence[], params: Params): Correspondence[] {
  const inverted = params.get("inverted");
  if (inverted !== null && !["true", "false"].includes(inverted.toLowerCase())) throw new BadRequest(`inverted must be true or false, not '${inverted}'`);
  if (inverted?.toLowerCase() !== "true") return items;
  return items.map((i) => ({ sourceCode: i.targetCode, sourceName: i.targetName, sourceShortName: i.targetShortName, targetCode: i.sourceCode, targetName: i.sourceName, targetShortName: i.sourceShortName }));
}

async function correspondsAt(files: KlassFiles, key: string, routes: KlassRoutes, params: Params) {
  await target(files, routes, params);
  const day = date(params, "date", true);
  const year = Number(day.slice(0, 4));
  if (!routes.correspondences.includes(year)) throw new NotFound(noTable(routes, routes));
  const { correspondenceItems } = await files.needed<{ correspondenceItems: Correspondence[] }>("classifications", key, "correspondsAt", `${year}.json`);
  return { correspondenceItems: invert(correspondenceItems, params) };
}

/** KLASS's `corresponds` for a range: each version's correspondences, valid for the part of the range the version is. */
async function corresponds(files: KlassFiles, key: string, routes: KlassRoutes, params: Params) {
  await target(files, routes, params);
  const [from, to] = range(params);
  const items: (Correspondence & { validFrom: string; validTo: string | null })[] = [];
  for (const v of routes.versions) {
    if (!v.correspondences || (to !== null && v.validFrom >= to) || (v.validTo !== null && v.validTo <= from)) continue;
    const year = routes.correspondences.find((y) => jan1(y) >= v.validFrom && (v.validTo === null || jan1(y) < v.validTo));
    if (year === undefined) continue;
    const { correspondenceItems } = await files.needed<{ correspondenceItems: Correspondence[] }>("classifications", key, "correspondsAt", `${year}.json`);
    for (const i of invert(correspondenceItems, params)) items.push({ ...i, validFrom: later(v.validFrom, from), validTo: earlier(v.validTo, to) });
  }
  if (!items.length) throw new NotFound(noTable(routes, routes));
  return { correspondenceItems: items };
}

/** KLASS's `versions/{id}`: a version with its codes (its first year's list) and levels. */
async function version(files: KlassFiles, n: string) {
  const codelist = /^\d+$/.test(n) ? (await files.needed<Record<string, string>>("versions.json"))[n] : undefined;
  const routes = codelist !== undefined ? await files.routes(codelist) : undefined;
  const v = routes?.versions.find((x) => String(x.id) === n);
  if (!routes || !v) throw new NotFound(`Classification Version not found with id = ${n}`);
  const year = routes.years.find((y) => jan1(y) >= v.validFrom && (v.validTo === null || jan1(y) < v.validTo))!;
  const codes = await files.codes(routes, year);
  const { classification, owner } = await ownerOf(files, routes);
  const base = owner.base;
  const levels = [...new Set(codes.map((c) => Number(c.level)))].sort((a, b) => a - b);
  return {
    name: v.name,
    id: v.id,
    validFrom: v.validFrom,
    ...(v.validTo !== null && { validTo: v.validTo }),
    lastModified: stamp(v.year),
    published: ["nb"],
    introduction: classification.description,
    contactPerson: classification.contactPerson,
    owningSection: classification.owningSection,
    correspondenceTables: versionTables(owner, routes, v),
    classificationVariants: [],
    changelogs: [],
    levels: levels.map((l) => ({ levelNumber: l, levelName: `Nivå ${l}` })),
    // A version's items, as KLASS gives them: parentCode "" at the top, no validity of their own.
    classificationItems: [...codes].sort(byCode).map((c) => ({ code: c.code, parentCode: c.parentCode ?? "", level: c.level, name: c.name, shortName: c.shortName, notes: c.notes })),
    _links: { self: { href: `${base}/versions/${v.id}` } },
  };
}

type ClassificationDocument = { description: string; contactPerson: unknown; owningSection: string; _links: { self: { href: string } } };

/** A classification's document, and what its correspondence tables take from it. */
async function ownerOf(files: KlassFiles, routes: KlassRoutes): Promise<{ classification: ClassificationDocument; owner: TableOwner }> {
  const classification = await files.needed<ClassificationDocument>("classifications", routes.codelist, "index.json");
  const base = classification._links.self.href.replace(/\/classifications\/[^/]+$/, "");
  return { classification, owner: { base, contactPerson: classification.contactPerson, owningSection: classification.owningSection } };
}

/** KLASS's `correspondencetables/{id}`: a change table, by its number (its target version's). */
async function correspondenceTableById(files: KlassFiles, n: string) {
  const codelist = /^\d+$/.test(n) ? (await files.needed<Record<string, string>>("versions.json"))[n] : undefined;
  const routes = codelist !== undefined ? await files.routes(codelist) : undefined;
  const table = routes && changeTables(routes).find((t) => String(t.id) === n);
  const year = routes && table && tableYear(routes, table);
  if (!routes || !table || year === undefined) throw new NotFound(`CorrespondenceTable not found with id = ${n}`);
  const { owner } = await ownerOf(files, routes);
  const { correspondenceItems } = await files.needed<{ correspondenceItems: Correspondence[] }>("classifications", routes.codelist, "correspondsAt", `${year}.json`);
  return correspondenceTable(owner, table, correspondenceItems);
}

const paramsOf = (params: Params) => ({ selectLevel: params.get("selectLevel"), selectCodes: params.get("selectCodes"), presentationNamePattern: params.get("presentationNamePattern") });

/** Spring's problem detail, which KLASS answers errors with. */
const problem = (status: number, path: string, detail?: string) => ({ type: "about:blank", title: status === 404 ? "Not Found" : status === 400 ? "Bad Request" : "Internal Server Error", status, ...(detail !== undefined && { detail }), instance: path });

/**
 * The answer to a request below /api/klass/v1/ (`pathname` decoded, with the base); undefined for
 * a path that is no KLASS URL but may be one of the files there (`classifications/<key>/index.json`),
 * which the server then serves as it is.
 */
export async function klassResponse(dist: string, pathname: string, params: Params, origin?: string): Promise<KlassResponse | undefined> {
  const files = new KlassFiles(dist);
  const answer = await klassAnswer(files, pathname, params);
  if (!answer || origin === undefined || answer.status >= 400) return answer;
  // The links carry the site's address as built; a reader of this server follows them to it (klass-links.ts).
  const built = (await files.file<KlassCatalogue>("catalogue.json"))?.base;
  return built === undefined ? answer : { ...answer, body: rebaseLinks(answer.body, built, `${origin}${KLASS_BASE}`) };
}

async function klassAnswer(files: KlassFiles, pathname: string, params: Params): Promise<KlassResponse | undefined> {
  const parts = pathname.slice(KLASS_BASE.length).split("/").filter(Boolean);
  if (parts.length) parts[parts.length - 1] = parts[parts.length - 1].replace(/\.json$/, "");
  try {
    const [resource, id, operation, ...more] = parts;
    if (resource === "classifications" && id === undefined) return { status: 200, body: await classifications(files, params) };
    if (resource === "classifications" && id === "search" && operation === undefined) {
      const catalogue = await files.needed<KlassCatalogue>("catalogue.json");
      return { status: 200, body: searchClassifications(catalogue, params, `${catalogue.base}/classifications/search`) };
    }
    if (resource === "classificationfamilies" && operation === undefined) {
      checkCommon(params);
      const catalogue = await files.needed<KlassCatalogue>("catalogue.json");
      return { status: 200, body: id === undefined ? classificationFamilies(catalogue, params) : classificationFamily(catalogue, id, params) };
    }
    // ssb-klass-python asks `correspondencetables/{id}`; KLASS's links spell it so too.
    if (resource?.toLowerCase() === "correspondencetables" && id !== undefined && operation === undefined) {
      checkCommon(params);
      return { status: 200, body: await correspondenceTableById(files, id) };
    }
    if (resource === "versions" && id !== undefined && operation === undefined) {
      checkCommon(params);
      return { status: 200, body: await version(files, id) };
    }
    if (resource !== "classifications" || more.length) return files.exists(pathname) ? undefined : { status: 404, body: problem(404, pathname) };
    const routes = await files.routes(id);
    const language = checkCommon(params);
    switch (operation) {
      case undefined:
        return { status: 200, body: await files.needed("classifications", id, "index.json") };
      case "codesAt":
        bokmålOnly(language, routes);
        return { status: 200, body: await codesAt(files, routes, params) };
      case "codes":
        bokmålOnly(language, routes);
        return { status: 200, body: await codesInRange(files, routes, params) };
      case "changes":
        bokmålOnly(language, routes);
        return { status: 200, body: await changes(files, routes, params) };
      case "correspondsAt":
        bokmålOnly(language, routes);
        return { status: 200, body: await correspondsAt(files, id, routes, params) };
      case "corresponds":
        bokmålOnly(language, routes);
        return { status: 200, body: await corresponds(files, id, routes, params) };
      default:
        return files.exists(pathname) ? undefined : { status: 404, body: problem(404, pathname) };
    }
  } catch (e) {
    if (e instanceof BadRequest) return { status: 400, body: problem(400, pathname, e.message) };
    if (e instanceof NotFound) return { status: 404, body: problem(404, pathname, e.message) };
    throw e;
  }
}
