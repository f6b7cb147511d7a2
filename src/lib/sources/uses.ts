import { perRegistry } from "../model/per-registry.ts";
import type { Registry } from "../model/registry.ts";
import { urls } from "../site/urls.ts";
import { citeSources, isSourceField } from "./cite.ts";

/** The kinds of item that cite sources, in the order a source's page lists them. */
export const USE_KINDS = ["Kodelister", "Skjema og filuttrekk", "Indikatorer", "Tabeller", "Endringsforslag", "Møter", "Arbeidsgrupper", "Tilstandsrapport", "Kalender"] as const;
export type UseKind = (typeof USE_KINDS)[number];

/** One item of the registry that takes something from a source. */
export interface SourceUse {
  kind: UseKind;
  title: string;
  href: string;
  /** The reporting years of the versions that cite it (codelists and forms), oldest first. */
  years: number[];
  /** The places in the source the item cites, readable, in first-cited order. */
  sections: string[];
}

/** Every `source` value anywhere inside a content value (an item, a version, its codes and controls). */
function* sourceValues(value: unknown): Generator<string | string[]> {
  if (Array.isArray(value)) {
    for (const v of value) yield* sourceValues(v);
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (isSourceField(k, v)) yield v;
      else yield* sourceValues(v);
    }
  }
}

/** What the registry takes from each source, by source id: computed from every `source:` in the content. */
export const sourceUses = perRegistry("source-uses", (registry: Registry): Map<string, SourceUse[]> => {
  const bySource = new Map<string, Map<string, SourceUse>>();
  const note = (kind: UseKind, title: string, href: string, value: unknown, year?: number) => {
    for (const source of sourceValues(value)) {
      for (const c of citeSources(source)) {
        if (!c.document) continue;
        const uses = bySource.get(c.document.id) ?? new Map<string, SourceUse>();
        bySource.set(c.document.id, uses);
        const use = uses.get(href) ?? { kind, title, href, years: [], sections: [] };
        uses.set(href, use);
        if (year !== undefined && !use.years.includes(year)) use.years.push(year);
        if (c.section && !use.sections.includes(c.section)) use.sections.push(c.section);
      }
    }
  };
  for (const e of registry.codelists.values()) {
    note("Kodelister", e.meta.name.nb, urls.codelist(e.meta.id), e.meta);
    for (const v of e.versions) note("Kodelister", e.meta.name.nb, urls.codelist(e.meta.id), v.data, v.year);
  }
  for (const e of registry.forms.values()) {
    const title = `${e.meta.number} ${e.meta.name.nb}`;
    note("Skjema og filuttrekk", title, urls.form(e.meta.id), e.meta);
    for (const v of e.versions) note("Skjema og filuttrekk", title, urls.form(e.meta.id), v.data, v.year);
  }
  for (const i of registry.indicators.values()) note("Indikatorer", i.name, urls.indicator(i.id), i);
  for (const t of registry.tables.values()) note("Tabeller", `${t.number} ${t.title}`, urls.table(t.number), t);
  for (const { data } of registry.proposals.values()) note("Endringsforslag", data.title, urls.proposal(data.id), data);
  for (const { data } of registry.meetings.values()) note("Møter", data.title, urls.meeting(data.id), data);
  for (const g of registry.workingGroups.values()) note("Arbeidsgrupper", g.name.nb, urls.workingGroup(g.id), g);
  for (const t of registry.reportTemplates.values()) note("Tilstandsrapport", t.title, urls.reportTemplate(t.id), t);
  for (const [year, c] of registry.calendars) note("Kalender", `Kalender for rapporteringsår ${year}`, urls.calendar(year), c);
  const order = (u: SourceUse) => USE_KINDS.indexOf(u.kind);
  return new Map(
    [...bySource].map(([id, uses]) => [
      id,
      [...uses.values()].map((u) => ({ ...u, years: u.years.sort((a, b) => a - b) })).sort((a, b) => order(a) - order(b) || a.title.localeCompare(b.title, "nb")),
    ]),
  );
});
