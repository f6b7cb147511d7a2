import { diffRegistry } from "../diff/index.ts";
import { assumedAt } from "../model/assumed.ts";
import type { Registry } from "../model/registry.ts";
import { urls } from "../site/urls.ts";
import { countNb } from "../text/count-nb.ts";

/** An item in force in both years with no change between them, as a year's page lists it. */
export interface UnchangedItem {
  name: string;
  href: string;
  /** No source covers the later year: the item is kept by assumption, not known to be unchanged. */
  assumed: boolean;
}

/** What `/aar/<year>/` lists as not changed from the year before: forms and codelists, each with a count line. */
export interface UnchangedView {
  forms: UnchangedItem[];
  codelists: UnchangedItem[];
  /** E.g. «3 skjema og 12 kodelister er uendret fra 2025 til 2026.» */
  summary: string;
}

/**
 * The forms and codelists in force both in `year - 1` and `year` that have no change between the two
 * years: a vendor learns from the year's page that 15F is unchanged, not only by its absence from
 * the list of changes. Items whose `year` has no source say so (they are assumed unchanged).
 */
export function unchangedInYear(registry: Registry, year: number): UnchangedView {
  const changed = new Set(diffRegistry(registry, year - 1, year).changes.map((c) => `${c.itemKind}:${c.item}`));
  const inBoth = (years: number[]) => years.includes(year - 1) && years.includes(year);
  const forms = [...registry.forms.values()]
    .filter((f) => inBoth(registry.yearsOf(f)) && !changed.has(`form:${f.meta.id}`))
    .map((f) => ({ name: `${f.meta.kind === "questionnaire" ? "Skjema" : "Filuttrekk"} ${f.meta.number} ${f.meta.name.nb}`, href: urls.formVersion(f.meta.id, year), assumed: assumedAt(registry, f, year) !== undefined }))
    .sort((a, b) => a.name.localeCompare(b.name, "nb"));
  const codelists = [...registry.codelists.values()]
    .filter((c) => inBoth(registry.yearsOf(c)) && !changed.has(`codelist:${c.meta.id}`))
    .map((c) => ({ name: c.meta.name.nb, href: urls.codelistVersion(c.meta.id, year), assumed: assumedAt(registry, c, year) !== undefined }))
    .sort((a, b) => a.name.localeCompare(b.name, "nb"));
  const parts = [forms.length ? countNb(forms.length, "skjema") : "", codelists.length ? countNb(codelists.length, "kodeliste") : ""].filter(Boolean);
  const summary = parts.length ? `${parts.join(" og ")} er uendret fra ${year - 1} til ${year}.` : `Alle skjema og kodelister i registeret er endret fra ${year - 1} til ${year}.`;
  return { forms, codelists, summary };
}
