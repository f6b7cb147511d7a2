import type { Registry } from "../model/registry.ts";
import type { Change } from "../diff/change.ts";
import { diffRegistry } from "../diff/index.ts";
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
