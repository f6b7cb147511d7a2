import { tablesOf } from "../indicators/tables.ts";
import type { FormEntry, Registry } from "../model/registry.ts";
import type { GuidanceSection, Indicator, ReportTemplate, Section, StatbankTable } from "../schema/index.ts";

type Theme = ReportTemplate["themes"][number];

/** What the registry gives a theme of a report template: its key figures, or why there are none. */
export interface ThemeKeyFigures {
  theme: Theme;
  /** The indicators whose `themes` name the theme, by name. */
  indicators: Indicator[];
  /** The Statbank tables those indicators are computed from (their formulas' tables), by number. */
  tables: StatbankTable[];
  /** Tables the formulas name that the registry does not hold, by number. */
  unknownTables: string[];
  /** The template's reason when no indicator names the theme. */
  reason?: string;
  /** The form sections the template ties to the theme (`forms`), each with its citation; links that do not resolve are left out (validation reports them). */
  formSections: { form: FormEntry; year: number; section: Section; asks: { id: string; label: string }[]; quote?: string; source: string | string[] }[];
  /** The Statbank tables the template ties to the theme itself (`tables`), each with its citation. */
  themeTables: { table: StatbankTable; quote?: string; source: string | string[] }[];
}

/**
 * A theme's key figures: the indicators tagged with it and the tables they use, and the form
 * sections and tables the template itself ties to it. The tie is the indicators' own (`themes`) or
 * the template's (`forms`, `tables`, each with a citation), so the page shows nothing a source does
 * not tie.
 */
export function themeKeyFigures(registry: Registry, theme: Theme): ThemeKeyFigures {
  const indicators = [...registry.indicators.values()].filter((i) => i.themes?.includes(theme.number)).sort((a, b) => a.name.localeCompare(b.name, "nb"));
  const sorted = [...new Set(indicators.flatMap(tablesOf))].sort();
  const formSections = (theme.forms ?? []).flatMap((link) => {
    const form = registry.forms.get(link.form);
    const section = form?.versions.find((v) => v.year === link.year)?.data.sections?.find((x) => x.id === link.section);
    if (!form || !section) return [];
    // What the link points to in the section, in the form's order: its fields' labels and tables' titles.
    const asks = [...(section.fields ?? []).map((f) => ({ id: f.id, label: f.label })), ...(section.tables ?? []).map((t) => ({ id: t.id, label: t.title }))].filter((x) => !link.fields || link.fields.includes(x.id));
    return [{ form, year: link.year, section, asks, ...(link.quote !== undefined && { quote: link.quote }), source: link.source }];
  });
  const themeTables = (theme.tables ?? []).flatMap((link) => {
    const table = registry.tables.get(link.table);
    return table ? [{ table, ...(link.quote !== undefined && { quote: link.quote }), source: link.source }] : [];
  });
  return {
    theme,
    indicators,
    formSections,
    themeTables,
    tables: sorted.flatMap((n) => registry.tables.get(n) ?? []),
    unknownTables: sorted.filter((n) => !registry.tables.has(n)),
    ...(indicators.length === 0 && theme.withoutKeyFigures !== undefined && { reason: theme.withoutKeyFigures }),
  };
}

/** Themes that have neither an indicator nor a stated reason, and themes with both: both are content errors. */
type OutOfStep = { theme: string; problem: "no-key-figures-no-reason" | "reason-beside-indicators" };
export function themesOutOfStep(registry: Registry, template: ReportTemplate): OutOfStep[] {
  return template.themes.flatMap((theme): OutOfStep[] => {
    const { indicators } = themeKeyFigures(registry, theme);
    if (indicators.length === 0 && theme.withoutKeyFigures === undefined) return [{ theme: theme.number, problem: "no-key-figures-no-reason" }];
    if (indicators.length > 0 && theme.withoutKeyFigures !== undefined) return [{ theme: theme.number, problem: "reason-beside-indicators" }];
    return [];
  });
}

/** The guidance's parts in the template's order, with the heading of each topic for the contents list. */
export const guidanceOf = (template: ReportTemplate): readonly GuidanceSection[] => template.guidance ?? [];
