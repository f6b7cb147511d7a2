import { countNb } from "../text/count-nb.ts";
import { perRegistry } from "../model/per-registry.ts";
import type { Registry } from "../model/registry.ts";
import { urls } from "../site/urls.ts";
import { proposalOpen } from "./proposal-status.ts";

/** One section of the registry: its menu entry and the line the home page gives it. */
export interface Section {
  label: string;
  href: string;
  /** The address prefix of the section's pages, for marking the current section in the menu. */
  prefix: string;
  /** One line on what the section holds, in Norwegian. */
  summary: string;
}


/** Every section of the registry, in the menu's order. */
export const registrySections = perRegistry("registry-sections", (registry: Registry): Section[] => {
  const years = registry.reportingYears;
  const last = registry.lastYear;
  const span = years.length ? ` for rapporteringsår ${years[0]}–${years.at(-1)}` : "";
  const proposals = [...registry.proposals.values()].map((p) => p.data);
  const open = proposals.filter((p) => proposalOpen(registry, p)).length;
  const sections: (Section | undefined)[] = [
    { label: "Kodelister", href: urls.codelists(), prefix: "/kodelister/", summary: `${countNb(registry.codelists.size, "kodeliste")} med koder og tekster${span}.` },
    { label: "Skjema og filuttrekk", href: urls.forms(), prefix: "/skjema/", summary: `${registry.forms.size} skjema og filuttrekk med felt og kontroller, år for år.` },
    { label: "Indikatorer", href: urls.indicators(), prefix: "/indikatorer/", summary: `${registry.indicators.size} nøkkeltall med formel, kilde og tabell.` },
    { label: "Tabeller", href: urls.tables(), prefix: "/tabeller/", summary: `${countNb(registry.tables.size, "tabell")} i Statistikkbanken som nøkkeltallene publiseres i.` },
    { label: "Endringer", href: urls.changesIndex(), prefix: "/endringer/", summary: "Hva som er endret mellom to rapporteringsår, klassifisert etter hvem som må handle." },
    last !== undefined ? { label: "Rapporteringsår", href: urls.year(last), prefix: "/aar/", summary: `Alt som endres for ett rapporteringsår, brytende endringer først; det siste er ${last}.` } : undefined,
    { label: "Endringsforslag", href: urls.proposals(), prefix: "/endringsforslag/", summary: `${proposals.length} forslag fra arbeidsgruppene med status og begrunnelse, ${open} under behandling.` },
    { label: "Møter", href: urls.meetings(), prefix: "/moter/", summary: `${countNb(registry.meetings.size, "møte")} i arbeidsgruppene med saksliste og oppfølging.` },
    { label: "Arbeidsgrupper", href: urls.workingGroups(), prefix: "/arbeidsgrupper/", summary: `${countNb(registry.workingGroups.size, "arbeidsgruppe")}, hva de eier og årsrapportene deres.` },
    { label: "Kalender", href: urls.calendars(), prefix: "/kalender/", summary: "Årshjulet: frister, møter og publisering per rapporteringsår, også som kalenderfil." },
    { label: "Tilstandsrapport", href: urls.reportTemplates(), prefix: "/tilstandsrapport/", summary: "Nøkkeltall til kommunenes årlige tilstandsrapport, ordnet etter rapportens tema." },
    { label: "Kilder", href: urls.sources(), prefix: "/kilder/", summary: "Dokumentene registeret bygger på, med utgiver, dato og hva som er hentet fra hvert av dem." },
    { label: "API", href: urls.api(), prefix: "/api/", summary: "Kodelister, skjema og endringer som maskinlesbare filer for fagsystem og andre verktøy." },
    { label: "Søk", href: urls.search(), prefix: "/sok/", summary: "Søk etter koder, navn og skjema i hele registeret." },
  ];
  return sections.filter((s): s is Section => s !== undefined);
});

/**
 * The menu: every section but search, with the one the page at `path` belongs to marked. Search is
 * the field in the header on every page (and the search page's own), so the menu does not name it again.
 */
export function mainMenu(registry: Registry, path: string): (Section & { current: boolean })[] {
  return registrySections(registry)
    .filter((s) => s.href !== urls.search())
    .map((s) => ({ ...s, current: path.startsWith(s.prefix) }));
}
