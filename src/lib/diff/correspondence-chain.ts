import type { CodelistEntry } from "../registry.ts";
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
 * 2018 → 2021 → 2024 resolves transitively. Linear in the number of codes times versions.
 */
export function declaredMappings(entry: CodelistEntry, fromYear: number, toYear: number, startCodes: Iterable<string>): DeclaredMapping[] {
  const image = new Map<string, Set<string>>();
  const types = new Map<string, { types: Set<CorrType>; year: number }>();
  for (const c of startCodes) image.set(c, new Set([c]));

  for (const v of entry.versions) {
    if (v.year <= fromYear || v.year > toYear) continue;
    const corrs = v.data.correspondences ?? [];
    const present = new Set(v.data.codes.map((c) => c.code));
    const byFrom = new Map<string, (typeof corrs)[number][]>();
    for (const corr of corrs) for (const f of corr.from) byFrom.set(f, [...(byFrom.get(f) ?? []), corr]);
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
        } else if (present.has(c)) next.add(c);
      }
      image.set(origin, next);
    }
  }

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
