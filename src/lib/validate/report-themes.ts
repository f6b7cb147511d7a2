import type { Registry } from "../model/registry.ts";
import { findingAt } from "../findings/source-file.ts";
import { themesOutOfStep } from "../report/themes.ts";
import type { Finding } from "../findings/finding.ts";

/** Each theme of a report template has indicators or says why it has none, never both. */
export function checkReportThemes(registry: Registry): Finding[] {
  const findings: Finding[] = [];
  for (const template of registry.reportTemplates.values()) {
    const file = registry.originOf(template);
    if (!file) continue;
    for (const { theme, problem } of themesOutOfStep(registry, template)) {
      const i = template.themes.findIndex((t) => t.number === theme);
      if (problem === "no-key-figures-no-reason") {
        findings.push(findingAt(file, ["themes", i], `theme ${theme} has no indicator and no reason why`, `an indicator with themes: ["${theme}"], or withoutKeyFigures: the reason no source ties key figures to it`));
      } else {
        findings.push(findingAt(file, ["themes", i, "withoutKeyFigures"], `theme ${theme} gives a reason for having no key figures, but indicators name it`, "no withoutKeyFigures on a theme that indicators name"));
      }
    }
  }
  return findings;
}
