import type { CodelistEntry, Version } from "../model/registry.ts";
import { versionAt } from "../model/registry.ts";
import type { Change } from "../diff/change.ts";
import type { Code, CodelistVersion } from "../schema/index.ts";

/**
 * The first reporting year a version no longer applies: the next version, the year after its own
 * `validTo`, or the list's discontinuation, whichever comes first; undefined while open-ended.
 */
export function versionEnd(entry: CodelistEntry, version: Version<CodelistVersion>): number | undefined {
  const ends = [
    entry.versions.find((v) => v.year > version.year)?.year,
    version.data.validTo !== undefined ? version.data.validTo + 1 : undefined,
    entry.meta.discontinuedFrom,
  ].filter((y): y is number => y !== undefined);
  return ends.length ? Math.min(...ends) : undefined;
}

/** Whether a code may no longer be used in a reporting year (deprecated, and its withdrawal has come). */
const withdrawnBy = (c: Code, year: number) => c.withdrawnFrom !== undefined && c.withdrawnFrom <= year;

/**
 * How many of a version's codes are withdrawn by a year. A version's KLASS list for one year differs
 * from another year's exactly when this does (withdrawal only ever grows), so the writer shares
 * the file between the years with the same count.
 */
export function klassYearKey(version: Version<CodelistVersion>, year: number): number {
  return version.data.codes.reduce((n, c) => n + (withdrawnBy(c, year) ? 1 : 0), 0);
}

/**
 * KLASS's `codes` response for a reporting year: the field names tools written for SSB's KLASS API
 * read, with KLASS's values. Like KLASS's `codesAt`, only the codes valid in the year: a code
 * withdrawn from a year is gone from it, and a code withdrawn later in the version's span is valid
 * until then. `presentationName` is "" as KLASS gives it unless a `presentationNamePattern` is asked
 * for (the query API fills it in); KLASS replaces each line break of a note by a space.
 */
export function klassCodes(entry: CodelistEntry, year: number) {
  const version = versionAt(entry, year)!;
  const end = versionEnd(entry, version);
  const depth = new Map<string, number>();
  for (const c of version.data.codes) depth.set(c.code, c.parent !== undefined ? (depth.get(c.parent) ?? 1) + 1 : 1);
  return {
    codes: version.data.codes
      .filter((c) => !withdrawnBy(c, year))
      .map((c) => {
        const to = c.withdrawnFrom !== undefined && (end === undefined || c.withdrawnFrom < end) ? c.withdrawnFrom : end;
        return {
          code: c.code,
          parentCode: c.parent ?? null,
          level: String(depth.get(c.code)),
          name: c.name.nb,
          shortName: c.shortName ?? "",
          presentationName: "",
          validFrom: `${version.year}-01-01`,
          validTo: to !== undefined ? `${to}-01-01` : null,
          notes: (c.notes ?? "").replace(/\n/g, " "),
        };
      }),
  };
}

/** One row of KLASS's `changes` response. */
export interface KlassCodeChange {
  oldCode: string | null;
  oldName: string | null;
  oldShortName: string | null;
  newCode: string | null;
  newName: string | null;
  newShortName: string | null;
  changeOccurred: string;
}

/**
 * KLASS's `changes` response between two reporting years, from the computed diff. Every row names
 * its codes as the year before and the year after list them (KLASS reads both from its versions),
 * also for splits and merges; a code withdrawn without a declared successor ceases to exist
 * (`newCode` null) in the year it leaves the year's `codes`.
 */
export function klassChanges(changes: readonly Change[], from: number, to: number, entry: CodelistEntry) {
  const before = new Map((versionAt(entry, from)?.data.codes ?? []).map((c) => [c.code, c]));
  const after = new Map((versionAt(entry, to)?.data.codes ?? []).map((c) => [c.code, c]));
  const old = (code: string) => ({ oldCode: code, oldName: before.get(code)?.name.nb ?? null, oldShortName: before.has(code) ? (before.get(code)!.shortName ?? "") : null });
  const now = (code: string) => ({ newCode: code, newName: after.get(code)?.name.nb ?? null, newShortName: after.has(code) ? (after.get(code)!.shortName ?? "") : null });
  const none = { oldCode: null, oldName: null, oldShortName: null, newCode: null, newName: null, newShortName: null };
  // A withdrawn code that a correspondence maps onwards is already told by the correspondence's rows.
  const mapped = new Set(changes.flatMap((c) => c.from ?? []));
  const gone = (code: string) => before.has(code) && withdrawnBy(before.get(code)!, from);
  const codeChanges = changes.flatMap((c): KlassCodeChange[] => {
    const changeOccurred = `${c.year}-01-01`;
    switch (c.type) {
      case "code-added":
        return after.has(c.code!) && withdrawnBy(after.get(c.code!)!, to) ? [] : [{ ...none, ...now(c.code!), changeOccurred }];
      // Back in KLASS's list only if its withdrawal had taken it out.
      case "code-reactivated":
        return gone(c.code!) ? [{ ...none, ...now(c.code!), changeOccurred }] : [];
      // A code withdrawn before `from` has already left KLASS's list: its later removal or renaming is no change there.
      case "code-removed":
        return gone(c.code!) ? [] : [{ ...none, ...old(c.code!), changeOccurred }];
      case "code-renamed":
        return gone(c.code!) ? [] : [{ ...old(c.code!), ...now(c.code!), changeOccurred }];
      case "code-split":
      case "code-merged":
      case "code-replaced":
      case "code-equivalent":
        return c.from!.flatMap((o) => c.to!.map((n) => ({ ...old(o), ...now(n), changeOccurred })));
      default:
        return [];
    }
  });
  // Withdrawals are read from the versions rather than the diff: a code deprecated earlier leaves
  // when its year comes, also while the same version stays in force (the diff then sees nothing).
  for (const c of after.values()) {
    if (c.withdrawnFrom === undefined || c.withdrawnFrom <= from || c.withdrawnFrom > to || mapped.has(c.code)) continue;
    const was = before.get(c.code);
    if (was && !withdrawnBy(was, from)) codeChanges.push({ ...none, ...old(c.code), changeOccurred: `${c.withdrawnFrom}-01-01` });
  }
  return { codeChanges, from: `${from}-01-01`, to: `${to}-01-01` };
}
