import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { homeView, dateNb } from "../src/lib/views/home.ts";
import { loadContent } from "../src/lib/load/load-content.ts";
import { mainMenu } from "../src/lib/views/sections.ts";
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
    expect(view.calendar?.dates.length).toBeGreaterThan(0);
    for (const p of view.openProposals.latest) expect(["utkast", "fremmet", "behandlet", "anbefalt"]).toContain(p.status);
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
