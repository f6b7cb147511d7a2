import type { CodelistEntry } from "../model/registry.ts";
import type { CorrespondenceType } from "../schema/index.ts";
import type { z } from "zod";

type CorrType = z.infer<typeof CorrespondenceType>;

/** Where the codes of one year went by another year, through every declared correspondence between. */
export interface DeclaredMapping {
  from: string[];
  to: string[];
  type: "code-split" | "code-merged" | "code-replaced" | "code-equivalent";
  /** The first version year in the range that declares it. */
  year: number;
}

/**
 * Composes the correspondences of the versions after `fromYear` up to `toYear`, so that a chain
 * 2018 → 2021 → 2024 resolves transitively. Only codes that some correspondence names are followed:
 * the others map to themselves, and a list of 20,000 codes with three correspondences costs three.
 */
export function declaredMappings(entry: CodelistEntry, fromYear: number, toYear: number, startCodes: { has(code: string): boolean }): DeclaredMapping[] {
  // origin -> the codes it has become so far, for origins some correspondence has named
  const image = new Map<string, Set<string>>();
  const types = new Map<string, { types: Set<CorrType>; year: number }>();
  const versions = entry.versions.filter((v) => v.year > fromYear && v.year <= toYear);
  const codeSets = new Map<(typeof versions)[number], Set<string>>();
  const codesOf = (v: (typeof versions)[number]) => {
    let set = codeSets.get(v);
    if (!set) codeSets.set(v, (set = new Set(v.data.codes.map((c) => c.code))));
    return set;
  };

  versions.forEach((v, i) => {
    const corrs = v.data.correspondences ?? [];
    if (!corrs.length && !image.size) return;
    const byFrom = new Map<string, (typeof corrs)[number][]>();
    for (const corr of corrs) for (const f of corr.from) byFrom.set(f, [...(byFrom.get(f) ?? []), corr]);
    // A start code named for the first time is followed from here, if it lasted until this version.
    for (const f of byFrom.keys()) {
      if (!image.has(f) && startCodes.has(f) && versions.slice(0, i).every((w) => codesOf(w).has(f))) image.set(f, new Set([f]));
    }
    for (const [origin, codes] of image) {
      const next = new Set<string>();
      for (const c of codes) {
        const mapped = byFrom.get(c);
        if (mapped) {
          const t = types.get(origin) ?? { types: new Set<CorrType>(), year: v.year };
          for (const corr of mapped) {
            t.types.add(corr.type);
            for (const to of corr.to) next.add(to);
          }
          types.set(origin, t);
        } else if (codesOf(v).has(c)) next.add(c);
      }
      image.set(origin, next);
    }
  });

  const mappings: DeclaredMapping[] = [];
  const merges = new Map<string, DeclaredMapping>();
  for (const [origin, t] of types) {
    const to = [...image.get(origin)!].sort(codeOrder);
    if (t.types.has("merged") && to.length === 1) {
      const m = merges.get(to[0]) ?? { from: [], to, type: "code-merged" as const, year: t.year };
      m.from.push(origin);
      merges.set(to[0], m);
    } else {
      const type = to.length > 1 || t.types.has("split") ? "code-split" : t.types.has("replaced-by") ? "code-replaced" : "code-equivalent";
      mappings.push({ from: [origin], to, type, year: t.year });
    }
  }
  return [...mappings, ...merges.values()].sort((a, b) => codeOrder(a.from[0], b.from[0]));
}

const collator = new Intl.Collator("nb", { numeric: true });

/** Orders codes as people read them: 2.9 before 2.10, 9 before 10. */
export const codeOrder: (a: string, b: string) => number = collator.compare;
