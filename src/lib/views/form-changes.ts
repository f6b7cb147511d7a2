import type { Registry } from "../model/registry.ts";
import type { Change } from "../diff/change.ts";
import { diffRegistry } from "../diff/index.ts";
import { assumedAt } from "../model/assumed.ts";
import { urls } from "../site/urls.ts";
import { countNb } from "../text/count-nb.ts";
import { changelogUrl, hasKontrollprogramChangelog } from "../diff/kontrollprogram-changelog.ts";

/** The forms and neighbouring year pairs that have changes: one change page each. */
export function formChangePages(registry: Registry): { id: string; from: number; to: number }[] {
  return registry.reportingYears.slice(1).flatMap((to) => {
    const ids = new Set(diffRegistry(registry, to - 1, to).changes.filter((c) => c.itemKind === "form").map((c) => c.item));
    return [...ids].sort().map((id) => ({ id, from: to - 1, to }));
  });
}

/** What a form's change page shows: its changes between two neighbouring years, counts, and SSB's changelog where there is one. */
export function formChangesView(registry: Registry, id: string, from: number, to: number) {
  const entry = registry.forms.get(id)!;
  const changes: Change[] = diffRegistry(registry, from, to).changes.filter((c) => c.itemKind === "form" && c.item === id);
  const kind = entry.meta.kind === "questionnaire" ? "Skjema" : "Filuttrekk";
  return {
    name: `${kind} ${entry.meta.number} ${entry.meta.name.nb}`,
    shortName: `${entry.meta.number} ${entry.meta.name.nb}`,
    changes,
    senderBreaking: changes.filter((c) => c.sender === "breaking").length,
    consumerBreaking: changes.filter((c) => c.consumer === "breaking").length,
    changelog: hasKontrollprogramChangelog(entry, from, to) ? changelogUrl(id, from, to) : undefined,
  };
}

/**
 * What a form-year page says about the year before, in its «Endringer fra <year-1>» block: the
 * changes (counted, with a link to the form's change page), that nothing changed, that no source
 * covers the year (the version is kept in force by assumption), or that there is no year before.
 */
export type FormYearChanges =
  | { state: "first"; heading: string; text: string }
  | { state: "assumed"; heading: string; text: string; yearHref: string }
  | { state: "unchanged"; heading: string; text: string; yearHref: string }
  | { state: "changed"; heading: string; text: string; href: string; linkText: string; count: number; senderBreaking: number; consumerBreaking: number };

export function formYearChanges(registry: Registry, id: string, year: number): FormYearChanges {
  const entry = registry.forms.get(id)!;
  const from = year - 1;
  const heading = `Endringer fra ${from}`;
  const name = `${entry.meta.kind === "questionnaire" ? "Skjema" : "Filuttrekk"} ${entry.meta.number}`;
  if (!registry.yearsOf(entry).includes(from)) {
    return { state: "first", heading, text: `${name} finnes ikke i registeret for ${from}; ${year} er det første rapporteringsåret registeret har for det.` };
  }
  const span = assumedAt(registry, entry, year);
  if (span) {
    return {
      state: "assumed",
      heading,
      text: `Ingen kilde dekker ${name} for ${year}. Registeret viser versjonen fra ${span.from} videre, men kan ikke si om noe er endret fra ${from} til ${year}.`,
      yearHref: urls.year(year),
    };
  }
  const view = formChangesView(registry, id, from, year);
  if (view.changes.length === 0) {
    return { state: "unchanged", heading, text: `Ingen endringer i ${name} fra ${from} til ${year}: kildene gir samme felt, koder og kontroller begge år.`, yearHref: urls.year(year) };
  }
  return {
    state: "changed",
    heading,
    text: `${countNb(view.changes.length, "endring")} i ${name} fra ${from} til ${year}, hvorav ${view.senderBreaking} brytende for avsendere og ${view.consumerBreaking} brytende for mottakere.`,
    href: urls.formChanges(id, from, year),
    linkText: `Se endringene ${from}–${year} felt for felt`,
    count: view.changes.length,
    senderBreaking: view.senderBreaking,
    consumerBreaking: view.consumerBreaking,
  };
}
