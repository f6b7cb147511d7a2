import { tablesOf } from "../indicators/tables.ts";
import type { Registry } from "../model/registry.ts";
import type { GuidanceSection, Indicator, ReportTemplate, StatbankTable } from "../schema/index.ts";

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
}

/**
 * A theme's key figures: the indicators tagged with it and the tables they use. The tie is the
 * indicators' own (`themes`), and a table is tied only through an indicator computed from it, so
 * the page shows nothing a source does not tie.
 */
export function themeKeyFigures(registry: Registry, theme: Theme): ThemeKeyFigures {
  const indicators = [...registry.indicators.values()].filter((i) => i.themes?.includes(theme.number)).sort((a, b) => a.name.localeCompare(b.name, "nb"));
  const sorted = [...new Set(indicators.flatMap(tablesOf))].sort();
  return {
    theme,
    indicators,
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
