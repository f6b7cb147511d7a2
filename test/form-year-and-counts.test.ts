import { describe, expect, it } from "vitest";
import { loadContent } from "../src/lib/load/load-content.ts";
import { groupCounts, yearGroups } from "../src/lib/diff/overview.ts";
import { countNb } from "../src/lib/text/count-nb.ts";
import { formVersionsView } from "../src/lib/views/form.ts";
import { formYearChanges } from "../src/lib/views/form-changes.ts";
import { COMPUTED_LEGEND, proposalStatusView, STATUS_ENDINGS, STATUS_LIFECYCLE } from "../src/lib/views/proposal-status.ts";
import { unchangedInYear } from "../src/lib/views/year.ts";
import { ProposalStatus } from "../src/lib/schema/proposal.ts";
import { REPO } from "./helpers.ts";

const { registry } = await loadContent(REPO);

describe("what a form-year page says about the year before", () => {
  it("links to the form's change page where the form changed, with the count in agreement", () => {
    const changed = formYearChanges(registry, "15f", 2024);
    expect(changed.state).toBe("changed");
    if (changed.state !== "changed") return;
    expect(changed.heading).toBe("Endringer fra 2023");
    expect(changed.href).toBe("/skjema/15f/endringer/2023-2024/");
    expect(changed.text).toMatch(/^\d+ endringer i Filuttrekk 15F fra 2023 til 2024, hvorav \d+ brytende for avsendere/);
    const one = formYearChanges(registry, "53f", 2026);
    expect(one.text).toMatch(/^1 endring i Filuttrekk 53F/);
  });

  it("says that nothing changed, that no source covers the year, or that there is no year before", () => {
    expect(formYearChanges(registry, "15f", 2026)).toMatchObject({ state: "unchanged", text: expect.stringMatching(/^Ingen endringer i Filuttrekk 15F fra 2025 til 2026/) });
    expect(formYearChanges(registry, "8", 2025)).toMatchObject({ state: "assumed", text: expect.stringMatching(/^Ingen kilde dekker Skjema 8 for 2025/) });
    expect(formYearChanges(registry, "15f", 2018).state).toBe("first");
  });
});

describe("a year's page", () => {
  it("lists what is unchanged from the year before: 15F for 2026, among others", () => {
    const view = unchangedInYear(registry, 2026);
    expect(view.forms.map((f) => f.name)).toContain("Filuttrekk 15F Barnevern");
    expect(view.forms.find((f) => f.name.startsWith("Filuttrekk 15F"))?.href).toBe("/skjema/15f/2026/");
    expect(view.codelists.length).toBeGreaterThan(0);
    expect(view.summary).toMatch(/^\d+ skjema og \d+ kodelister? er uendret fra 2025 til 2026\.$/);
    // Assumed items say so: 8 has no source after 2023.
    expect(view.forms.find((f) => f.name.startsWith("Skjema 8"))?.assumed).toBe(true);
  });

  it("counts changed items by what they are («2 skjema»), not as «kodelister, skjema og indikatorer»", () => {
    const counts = yearGroups(registry, 2026).map(groupCounts);
    expect(counts.map((c) => c.itemsText)).toEqual(["2 skjema"]);
    expect(yearGroups(registry, 2023).map(groupCounts).map((c) => c.itemsText)).toEqual(["4 kodelister og 2 skjema"]);
  });
});

describe("Norwegian number agreement", () => {
  it("writes one as singular and every other count as plural", () => {
    expect(countNb(1, "endring")).toBe("1 endring");
    expect(countNb(0, "endring")).toBe("0 endringer");
    expect(countNb(1, "dato")).toBe("1 dato");
    expect(countNb(3, "dato")).toBe("3 datoer");
    expect(countNb(1, "kontroll")).toBe("1 kontroll");
    expect(countNb(2, "skjema")).toBe("2 skjema");
  });
});

describe("the controls of a form's versions", () => {
  it("says which versions of 15F have controls in the registry and why the others have none, not «0 kontroller»", () => {
    const view = formVersionsView(registry, registry.forms.get("15f")!, (y) => `/skjema/15f/${y}/`);
    expect(view.versions.map((v) => v.controls)).not.toContain("0 kontroller");
    expect(view.versions.find((v) => v.year === 2024)?.controls).toMatch(/^\d+ kontroller$/);
    // 2018 (in force 2018–2020) carries the 2024 controls SSB's own 2020 test files show applied.
    expect(view.versions.find((v) => v.year === 2018)?.controls).toMatch(/^\d+ kontroller$/);
    expect(view.versions.find((v) => v.year === 2021)?.controls).toBe("ingen kontroller i registeret");
    expect(view.controlsNote).toMatch(/^Registeret har kontrollene for versjonene 2018, 2024\. For versjonene 2021, 2022, 2023 gir kildene/);
  });
});

describe("the proposal status model", () => {
  it("explains every recorded status and every computed state", () => {
    expect([...STATUS_LIFECYCLE, ...STATUS_ENDINGS].map((s) => s.status).sort()).toEqual([...ProposalStatus.options].sort());
    expect(COMPUTED_LEGEND.map((c) => c.label)).toContain("kan ikke beregnes");
  });

  it("shows one status: carried out where the content and a source show it, whatever was last recorded", () => {
    const plantyper = proposalStatusView(registry, registry.proposals.get("barnevern-2023-plantyper")!.data);
    expect(plantyper).toMatchObject({ key: "gjennomført", label: "Gjennomført i 2023", decided: true });
    const tiltak = proposalStatusView(registry, registry.proposals.get("barnevern-2023-tiltak-2-3-2-4")!.data);
    expect(tiltak).toMatchObject({ key: "anbefalt", label: "Anbefalt, venter på vedtak", decided: false, check: "Sjekket mot innholdet: ikke gjennomført i 2023" });
  });
});
