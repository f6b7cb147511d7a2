import { versionAt, type Registry } from "../registry.ts";
import { formElements } from "../diff/form.ts";
import { pageOf } from "../pagination.ts";

/** A search record for something smaller than a page: a code, a form field, a control. */
export interface SearchRecord {
  url: string;
  content: string;
  meta: { title: string; type: string };
  filters: { type: string[]; år: string[]; arbeidsgruppe: string[] };
}

/** The types shown and filtered on, in Norwegian. */
export const SEARCH_TYPES = ["Kodeliste", "Kode", "Skjema", "Felt", "Kontroll", "Indikator", "Tabell", "Endringsforslag", "Møte", "Arbeidsgruppe"] as const;

const years = (list: number[]) => list.map(String);

/**
 * Codes, form fields and controls as their own search records, each pointing at its row on the page
 * of the first year it appears, filtered by every year it applies. A code or field unchanged across
 * versions is one record, not one per version.
 */
export function searchRecords(registry: Registry): SearchRecord[] {
  const merged = new Map<string, SearchRecord>();
  const records = {
    push(r: SearchRecord) {
      // The same code (or field) with the same text in another version: one record, more years.
      const key = `${r.url.replace(/\/\d{4}\/(side\/\d+\/)?#/, "/#")}|${r.meta.title}|${r.content}`;
      const seen = merged.get(key);
      if (seen) seen.filters.år = [...new Set([...seen.filters.år, ...r.filters.år])];
      else merged.set(key, r);
    },
  };
  const groupName = (id: string) => registry.workingGroups.get(id)?.name.nb ?? id;
  for (const entry of registry.codelists.values()) {
    const applies = registry.yearsOf(entry);
    for (const version of entry.versions) {
      const inYears = applies.filter((y) => versionAt(entry, y) === version);
      if (!inYears.length) continue;
      version.data.codes.forEach((c, index) => {
        const page = pageOf(index);
        records.push({
          url: `/kodelister/${entry.meta.id}/${inYears[0]}/${page > 1 ? `side/${page}/` : ""}#kode-${c.code}`,
          content: [c.code, c.name.nb, c.name.nn, c.name.en, c.shortName, c.notes, c.group, entry.meta.name.nb].filter(Boolean).join(". "),
          meta: { title: `${c.code} ${c.name.nb}`, type: `Kode i ${entry.meta.name.nb}` },
          filters: { type: ["Kode"], år: years(inYears), arbeidsgruppe: [groupName(entry.meta.workingGroup)] },
        });
      });
    }
  }
  for (const form of registry.forms.values()) {
    const applies = registry.yearsOf(form);
    for (const version of form.versions) {
      const inYears = applies.filter((y) => versionAt(form, y) === version);
      if (!inYears.length) continue;
      const page = `/skjema/${form.meta.id}/${inYears[0]}/`;
      const formName = `${form.meta.number} ${form.meta.name.nb}`;
      for (const [id, e] of formElements(version.data)) {
        if (e.kind === "column" || e.kind === "section") continue;
        const anchor = e.kind === "record-field" ? `felt-${id.replace(".", "-")}` : e.kind === "record" ? `post-${id}` : e.kind === "table" ? `tabell-${id}` : e.kind === "row" ? `tabell-${id.split(".")[0]}` : `felt-${id}`;
        records.push({
          url: `${page}#${anchor}`,
          content: [e.label, e.help, id, formName].filter(Boolean).join(". "),
          meta: { title: e.label, type: `Felt i ${formName}` },
          filters: { type: ["Felt"], år: years(inYears), arbeidsgruppe: [groupName(form.meta.workingGroup)] },
        });
      }
      for (const c of version.data.controls ?? []) {
        records.push({
          url: `${page}#kontroll-${c.id}`,
          content: [c.id, c.title, c.message, c.condition].join(". "),
          meta: { title: `${c.id}: ${c.title}`, type: `Kontroll i ${formName}` },
          filters: { type: ["Kontroll"], år: years(inYears), arbeidsgruppe: [groupName(form.meta.workingGroup)] },
        });
      }
    }
  }
  return [...merged.values()];
}
