import type { Registry } from "../model/registry.ts";
import { klassDocuments, klassLinkKey, stableNumbers } from "./klass-api.ts";

/**
 * What KLASS's search (`classifications/search`) and its classification families
 * (`classificationfamilies`, `classificationfamilies/{id}`) need, written once by the build as
 * `/api/klass/v1/catalogue.json`; the query server (src/lib/serve/klass-catalogue.ts) filters,
 * matches and shapes the answers from it, as it answers everything else from files the build wrote.
 *
 * Families are the working groups' areas (barnevern, familievern, regnskap, sosialtjenesten): KLASS
 * groups its classifications by statistical area, and in the registry each list belongs to the
 * working group of one service area. A family's number is derived from the working group's id, as
 * version numbers are from the version (stable from build to build); its id answers too.
 */

export interface KlassCatalogueFamily {
  /** KLASS's family number: `classificationfamilies/<id>`. */
  id: number;
  /** The working group's id, which answers too. */
  key: string;
  /** The service area, as KLASS names a family by its area. */
  name: string;
}

export interface KlassCatalogueEntry {
  /** The number or key the classification's links end in (`classifications/<link>`). */
  link: string;
  id: number | string;
  name: string;
  description: string;
  classificationType: string;
  lastModified: string;
  /** The owning working group's name, KLASS's `owningSection` (its `ssbSection` filter). */
  owningSection: string;
  workingGroup: string;
  family: number;
  /** Every code with its name, of every version, for the search: `"<code> <name>"`. */
  codes: string[];
}

export interface KlassCatalogue {
  /** The KLASS API's address as built (`<site>/api/klass/v1`), which the links are made from. */
  base: string;
  families: KlassCatalogueFamily[];
  classifications: KlassCatalogueEntry[];
}

/** The catalogue of classifications and families, in the order of the classifications list. */
export function klassCatalogue(registry: Registry, siteUrl: string): KlassCatalogue {
  const groups = [...registry.workingGroups.values()].sort((a, b) => a.id.localeCompare(b.id));
  const numbers = stableNumbers(groups.map((g) => `family:${g.id}`));
  const families = groups.map((g) => ({ id: numbers.get(`family:${g.id}`)!, key: g.id, name: g.serviceArea }));
  const familyOf = new Map(families.map((f) => [f.key, f.id]));
  const classifications = klassDocuments(registry, siteUrl)
    .filter((d) => d.key === d.entry.meta.id && familyOf.has(d.entry.meta.workingGroup))
    .map(({ entry, classification: c }) => ({
      link: klassLinkKey(entry),
      id: c.id,
      name: c.name,
      description: c.description,
      classificationType: c.classificationType,
      lastModified: c.lastModified,
      owningSection: c.owningSection,
      workingGroup: entry.meta.workingGroup,
      family: familyOf.get(entry.meta.workingGroup)!,
      codes: [...new Set(entry.versions.flatMap((v) => v.data.codes.map((code) => `${code.code} ${code.name.nb}`)))],
    }));
  return { base: `${siteUrl}/api/klass/v1`, families, classifications };
}
