import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { homeView, dateNb } from "../src/lib/views/home.ts";
import { loadContent } from "../src/lib/load/load-content.ts";
import { mainMenu } from "../src/lib/views/sections.ts";
import { proposalStatusView } from "../src/lib/views/proposal-status.ts";
import { FIXTURES, REPO } from "./helpers.ts";

describe("the home page's view", () => {
  it("on the bundled content: the latest year's sender counts, breaking first, the latest calendar year and open proposals only", async () => {
    const { registry } = await loadContent(REPO);
    const view = homeView(registry);
    const last = registry.lastYear!;
    expect(view.coming?.year).toBe(last);
    expect(view.coming?.senderClasses.map((c) => c.cls)).toEqual(["breaking", "compatible", "label-only", "none"]);
    expect(view.coming?.yearHref).toBe(`/aar/${last}/`);
    expect(view.coming?.changesHref).toBe(`/endringer/${last - 1}-${last}/`);
    expect(view.calendar?.year).toBe(Math.max(...registry.calendars.keys()));
    // The calendar stops before the coming year: no past date is shown as coming, and the usual pattern is given from the sources.
    expect(view.calendar!.year).toBeLessThan(last);
    expect(view.calendar?.dates).toEqual([]);
    expect(view.calendar?.noneKnown).toMatch(new RegExp(`ingen frister eller publiseringsdatoer for rapporteringsår ${last}`));
    const pattern = view.calendar!.pattern.map((p) => `${p.kind}: ${p.when} (${p.years.join(", ")})`);
    expect(pattern).toContain("Rapporteringsfrist: 15. januar året etter rapporteringsåret (2008)");
    expect(pattern).toContain("Rapporteringsfrist: 15. februar året etter rapporteringsåret (2022)");
    expect(pattern).toContain("Foreløpig publisering: 15. mars året etter rapporteringsåret (2012, 2022)");
    expect(pattern).toContain("Endelig publisering: 15. juni året etter rapporteringsåret (2012, 2022)");
    for (const p of view.calendar!.pattern) expect(p.sources.length, p.when).toBeGreaterThan(0);
    // The open count agrees with the statuses shown: none of the open proposals reads as carried out or decided.
    const shown = [...registry.proposals.values()].map((p) => proposalStatusView(registry, p.data));
    expect(view.openProposals.total).toBe(shown.filter((s) => !s.decided).length);
    for (const p of view.openProposals.latest) expect(p.status).not.toMatch(/Gjennomført|Vedtatt|Avvist|Utsatt/);
    for (const s of shown.filter((s) => s.computed.state === "gjennomført")) expect(s.decided).toBe(true);
    expect(view.sections.map((s) => s.label)).toContain("Tilstandsrapport");
  });

  it("on a small registry (no calendar, few years) it still answers", async () => {
    const { registry } = await loadContent(join(FIXTURES, "base"));
    const view = homeView(registry);
    expect(view.sections.length).toBeGreaterThan(10);
    expect(mainMenu(registry, "/kodelister/x/").filter((s) => s.current).map((s) => s.label)).toEqual(["Kodelister"]);
  });

  it("writes dates the Norwegian way", () => {
    expect(dateNb("2023-02-15")).toBe("15. februar 2023");
  });
});
