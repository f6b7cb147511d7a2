import type { CodelistEntry } from "../registry.ts";
import { versionAt } from "../registry.ts";
import type { Change } from "../diff/change.ts";

/** KLASS's `codes` response: the field names tools written for SSB's KLASS API read. */
export function klassCodes(entry: CodelistEntry, year: number) {
  const version = versionAt(entry, year)!;
  // Valid until the next version, or the year the list is discontinued; open-ended otherwise.
  const next = entry.versions.find((v) => v.year > version.year)?.year ?? entry.meta.discontinuedFrom;
  const validTo = next !== undefined ? `${next}-01-01` : null;
  const depth = new Map<string, number>();
  for (const c of version.data.codes) depth.set(c.code, c.parent !== undefined ? (depth.get(c.parent) ?? 1) + 1 : 1);
  return {
    codes: version.data.codes.map((c) => ({
      code: c.code,
      parentCode: c.parent ?? null,
      level: String(depth.get(c.code)),
      name: c.name.nb,
      shortName: c.shortName ?? "",
      presentationName: `${c.code} ${c.name.nb}`,
      validFrom: `${version.year}-01-01`,
      validTo,
      notes: c.notes ?? "",
    })),
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

/** KLASS's `changes` response between two years, from the computed diff. */
export function klassChanges(changes: readonly Change[], from: number, to: number) {
  const codeChanges = changes.flatMap((c): KlassCodeChange[] => {
    const occurred = `${c.year}-01-01`;
    const old = c.before?.label ?? "";
    const now = c.after?.label ?? "";
    switch (c.type) {
      case "code-added":
        return [{ oldCode: null, oldName: null, oldShortName: null, newCode: c.code!, newName: now, newShortName: "", changeOccurred: occurred }];
      case "code-removed":
        return [{ oldCode: c.code!, oldName: old, oldShortName: "", newCode: null, newName: null, newShortName: null, changeOccurred: occurred }];
      case "code-renamed":
        return [{ oldCode: c.code!, oldName: old, oldShortName: "", newCode: c.code!, newName: now, newShortName: "", changeOccurred: occurred }];
      case "code-split":
      case "code-merged":
      case "code-replaced":
      case "code-equivalent":
        return c.from!.flatMap((o) => c.to!.map((n) => ({ oldCode: o, oldName: null, oldShortName: null, newCode: n, newName: null, newShortName: null, changeOccurred: occurred })));
      default:
        return [];
    }
  });
  return { codeChanges, from: `${from}-01-01`, to: `${to}-01-01` };
}
