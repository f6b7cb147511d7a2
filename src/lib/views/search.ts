import { perRegistry } from "../model/per-registry.ts";
import type { Registry } from "../model/registry.ts";
import { urls } from "../site/urls.ts";

/** What the registry covers, said where a search finds nothing: its areas, forms and years. */
export interface SearchScopeView {
  /** The working groups' areas («barnevern», «familievern»), each with its page. */
  areas: { label: string; href: string }[];
  /** The forms and file extracts («15F Barnevern»), each with its page. */
  forms: { label: string; href: string }[];
  /** The reporting years, as a span («2018–2026»), or undefined for an empty registry. */
  years?: string;
  codelists: number;
  indicators: number;
  tables: number;
}

const KOSTRA_GROUP = /^KOSTRA[- ]arbeidsgruppen? for /i;

/** The scope of the registry for the search page: read from the content, never a list of our own. */
export const searchScopeView = perRegistry("search-scope", (registry: Registry): SearchScopeView => {
  const years = registry.reportingYears;
  return {
    areas: [...registry.workingGroups.values()].map((g) => ({ label: g.name.nb.replace(KOSTRA_GROUP, ""), href: urls.workingGroup(g.id) })).sort((a, b) => a.label.localeCompare(b.label, "nb")),
    forms: [...registry.forms.values()].map((f) => ({ label: `${f.meta.number} ${f.meta.name.nb}`, href: urls.form(f.meta.id) })).sort((a, b) => a.label.localeCompare(b.label, "nb", { numeric: true })),
    years: years.length ? (years.length > 1 ? `${years[0]}–${years.at(-1)}` : String(years[0])) : undefined,
    codelists: registry.codelists.size,
    indicators: registry.indicators.size,
    tables: registry.tables.size,
  };
});
