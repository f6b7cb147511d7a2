import { versionAt, type Registry } from "../model/registry.ts";
import { formElements } from "../diff/form.ts";
import { pageOf } from "../site/pagination.ts";
import { urls } from "../site/urls.ts";
import { yearSpan } from "./year-span.ts";

/**
 * A search record for something smaller than a page: a form field or a control; or codes that
 * apply in the same years, each code a section of its own that search shows as a hit.
 */
export interface SearchRecord {
  url: string;
  content: string;
  meta: {
    title: string;
    type: string;
    /** For codes: the years they apply, as shown beside each hit («2018–2022», «2023–»). */
    years?: string;
    /**
     * For codes: set where the record holds grouping codes (headings of a hierarchy, not values a
     * file may hold), which search ranks below the codes a person reports.
     */
    grouping?: boolean;
  };
  /**
   * How much the record's heading weighs (pagefind's `data-pagefind-weight`, 10 at most): a page's
   * title weighs 10, a field's label 7, a control's title 3, so that a control titled «Tiltak …»
   * does not outrank the indicator or table a query names.
   */
  weight?: number;
  /** The heading indexed where it differs from the title shown (a definition is found by its text, not its indicator's name). */
  heading?: string;
  filters: { type: string[]; år: string[]; arbeidsgruppe: string[] };
  /** For codes: one section per code, anchored at its row (`url#id`). */
  sections?: { id: string; title: string; text: string }[];
}

/** The types shown and filtered on, in Norwegian. */
export const SEARCH_TYPES = ["Kodeliste", "Kode", "Definisjon", "Tema i tilstandsrapporten", "Skjema", "Felt", "Kontroll", "Indikator", "Tabell", "Endringsforslag", "Møte", "Arbeidsgruppe"] as const;

/** The anchor of an indicator's «Sentrale begrep», where a definition hit leads. */
export const KEY_CONCEPTS_ANCHOR = "sentrale-begrep";

const years = (list: number[]) => list.map(String);

/**
 * Codes, form fields and controls as search records, each pointing at its row on the page of the
 * latest year it applies, filtered by every year it applies. A field unchanged across versions is
 * one record, not one per version; so is a code, as a section of the record of its years.
 */
export function searchRecords(registry: Registry): SearchRecord[] {
  const merged = new Map<string, SearchRecord>();
  const records = {
    push(r: SearchRecord) {
      // The same code (or field) with the same text in another version: one record, more years.
      const key = `${r.url.replace(/\/\d{4}\/(side\/\d+\/)?#/, "/#")}|${r.meta.title}|${r.content}`;
      const seen = merged.get(key);
      if (seen) {
        seen.filters.år = [...new Set([...seen.filters.år, ...r.filters.år])];
        // Versions come in order: the later one's page is the one in force in the latest year.
        seen.url = r.url;
      }
      else merged.set(key, r);
    },
  };
  const groupName = (id: string) => registry.workingGroups.get(id)?.name.nb ?? id;
  // Codes: a code with the same text in several years is one section, and the sections that apply
  // in the same years (and sit on the same page of the last of them) make one record, so the year
  // filter stays exact. A hit links to the version in force in the latest of its years. pagefind's time per record grows with the number of records (270,000 code
  // records at KOSTRA scale took more than 7 minutes); its sub-results keep each code a hit of its
  // own, pointing at its row.
  for (const entry of registry.codelists.values()) {
    const seen = new Map<string, { section: { id: string; title: string; text: string }; years: number[]; page: number; grouping: boolean }>();
    const last = registry.yearsOf(entry).at(-1)!;
    for (const year of registry.yearsOf(entry)) {
      versionAt(entry, year)!.data.codes.forEach((c, index) => {
        const section = { id: `kode-${c.code}`, title: `${c.code} ${c.name.nb}`, text: [c.name.nn, c.name.en, c.shortName, c.notes, c.group].filter(Boolean).join(". ") };
        const key = `${section.title}\u0000${section.text}`;
        const known = seen.get(key);
        if (known) {
          known.years.push(year);
          known.page = pageOf(index);
        } else seen.set(key, { section, years: [year], page: pageOf(index), grouping: c.selectable === false });
      });
    }
    const groups = new Map<string, SearchRecord>();
    const pageRecords = new Map<string, number>();
    for (const { section, years: inYears, page, grouping } of seen.values()) {
      const key = `${inYears.join(",")}|${page}|${grouping}`;
      const group = groups.get(key);
      if (group) {
        group.sections!.push(section);
        continue;
      }
      // pagefind keeps one record per URL: records on the same page are told apart by a query the
      // static host ignores (the search page drops it from its links).
      const url = `/kodelister/${entry.meta.id}/${inYears.at(-1)}/${page > 1 ? `side/${page}/` : ""}`;
      const onPage = (pageRecords.get(url) ?? 0) + 1;
      pageRecords.set(url, onPage);
      groups.set(key, {
        url: onPage > 1 ? `${url}?koder=${onPage}` : url,
        content: entry.meta.name.nb,
        meta: { title: `${entry.meta.name.nb} ${inYears.at(-1)}`, type: `Kode i ${entry.meta.name.nb}`, years: yearSpan(inYears, last), ...(grouping && { grouping }) },
        filters: { type: ["Kode"], år: years(inYears), arbeidsgruppe: [groupName(entry.meta.workingGroup)] },
        sections: [section],
      });
    }
    for (const r of groups.values()) records.push(r);
  }
  for (const form of registry.forms.values()) {
    const applies = registry.yearsOf(form);
    for (const version of form.versions) {
      const inYears = applies.filter((y) => versionAt(form, y) === version);
      if (!inYears.length) continue;
      // The form's page of the latest year this version applies.
      const page = `/skjema/${form.meta.id}/${inYears.at(-1)}/`;
      const formName = `${form.meta.number} ${form.meta.name.nb}`;
      for (const [id, e] of formElements(version.data)) {
        // A column is searched as people name it («Fagstillinger»); a sum column is computed, not reported.
        if (e.kind === "section" || (e.kind === "column" && e.format === "sum")) continue;
        const anchor = e.kind === "record-field" ? `felt-${id.replace(".", "-")}` : e.kind === "record" ? `post-${id}` : e.kind === "table" ? `tabell-${id}` : e.kind === "row" ? `${id.split(".")[0]}--rad-${id.split(".").slice(1).join(".")}` : e.kind === "column" ? `${id.split(".")[0]}--${id.split(".").slice(1).join(".")}` : `felt-${id}`;
        records.push({
          url: `${page}#${anchor}`,
          // The label is the record's heading; the text adds what the heading does not say.
          content: [e.help, id, formName].filter(Boolean).join(". "),
          meta: { title: e.label, type: `Felt i ${formName}` },
          weight: 7,
          filters: { type: ["Felt"], år: years(inYears), arbeidsgruppe: [groupName(form.meta.workingGroup)] },
        });
      }
      for (const c of version.data.controls ?? []) {
        records.push({
          url: `${page}#kontroll-${c.id}`,
          content: [c.message, c.condition].filter(Boolean).join(". "),
          meta: { title: `${c.id}: ${c.title}`, type: `Kontroll i ${formName}` },
          weight: 3,
          filters: { type: ["Kontroll"], år: years(inYears), arbeidsgruppe: [groupName(form.meta.workingGroup)] },
        });
      }
    }
  }
  // Definitions: what an indicator's «Sentrale begrep» says the sources mean by a term
  // («Hjelpetiltak er som hovedregel frivillige tiltak …»), a hit of its own at that section.
  for (const ind of registry.indicators.values()) {
    if (!ind.keyConcepts) continue;
    records.push({
      url: `${urls.indicator(ind.id)}#${KEY_CONCEPTS_ANCHOR}`,
      content: ind.keyConcepts,
      meta: { title: `Sentrale begrep: ${ind.name}`, type: "Definisjon" },
      heading: "Sentrale begrep",
      weight: 1,
      filters: { type: ["Definisjon"], år: [], arbeidsgruppe: ind.workingGroup ? [groupName(ind.workingGroup)] : [] },
    });
  }
  return [...merged.values()];
}
