import { beforeAll, describe, expect, it } from "vitest";
import { validateContent } from "../src/lib/validate/index.ts";
import { BUNDLED_CONTENT_ROOT } from "../src/lib/load/content-root.ts";
import { computedStatus } from "../src/lib/proposals/status.ts";
import { annualReport } from "../src/lib/report/annual-report.ts";
import { exportFiles } from "../src/lib/export/write.ts";
import { ProposalExport } from "../src/lib/export/shapes.ts";
import type { Registry } from "../src/lib/model/registry.ts";
import type { Proposal } from "../src/lib/schema/index.ts";

let registry: Registry;
beforeAll(async () => {
  registry = (await validateContent(BUNDLED_CONTENT_ROOT)).registry;
});

const proposal = (id: string): Proposal => registry.proposals.get(id)!.data;

describe("the status the registry computes for a proposal", () => {
  it("reads «gjennomført i 2023» only where a source other than the proposal shows the change: plan types (XSD 2023-01-20) and form 8's new row (the 2023 form)", () => {
    for (const id of ["barnevern-2023-plantyper", "barnevern-2023-skjema-8-kompetansekrav"]) {
      const s = computedStatus(registry, proposal(id));
      expect(s, id).toMatchObject({ state: "gjennomført", year: 2023, label: "gjennomført i 2023" });
      expect(s.carriedOut, id).toBe(s.declared);
      expect(s.declared, id).toBeGreaterThan(0);
      expect(proposal(id).evidence?.some((e) => e.year === 2023), id).toBe(true);
    }
    expect(proposal("barnevern-2023-plantyper").evidence![0].source).toContain("reference/barnevern-15F/xsd-history/Individ_2023-01-20.xsd — PlanType/@Plantype");
    // Recorded and computed stand side by side: the recorded status is still the report's «anbefalt».
    expect(proposal("barnevern-2023-plantyper").history.at(-1)!.status).toBe("anbefalt");
  });

  it("does not read the registry's own edit as evidence: the chart-of-accounts guidance is in the 2023 content, but only the proposal's report says so", () => {
    const p = proposal("barnevern-2023-kontoplan-veiledningstekster");
    expect(p.evidence).toBeUndefined();
    const s = computedStatus(registry, p);
    expect(s).toMatchObject({ state: "ikke-bekreftet", year: 2023, label: "lagt inn for 2023, ikke bekreftet i kildene" });
    expect(s.carriedOut).toBe(s.declared);
    expect(s.reason).toMatch(/ingen annen kilde enn forslaget selv/);
    // The same proposal with evidence for its year is carried out; evidence for another year does not count.
    const evidence = { shows: "test", source: "reference/barnevern-15F/README.md" };
    expect(computedStatus(registry, { ...p, id: "test-bekreftet", evidence: [{ year: 2023, ...evidence }] }).state).toBe("gjennomført");
    expect(computedStatus(registry, { ...p, id: "test-feil-aar", evidence: [{ year: 2024, ...evidence }] }).state).toBe("ikke-bekreftet");
  });

  it("reads tiltak 2.3/2.4 as not carried out in 2023: no 2023 XSD has the new labels; the 2024 XSD's 2.3 is the evidence of a later year", () => {
    const p = proposal("barnevern-2023-tiltak-2-3-2-4");
    expect(computedStatus(registry, p)).toMatchObject({ state: "ikke-gjennomført", label: "ikke gjennomført i 2023", carriedOut: 0, declared: 2 });
    expect(p.evidence).toEqual([expect.objectContaining({ year: 2024, source: "reference/barnevern-15F/xsd-history/Individ_2024-09-02.xsd — KategoriType/@Kode" })]);
  });

  it("says it cannot tell for proposals that change only the Statbank publishing, which the registry has no years of", () => {
    for (const id of ["barnevern-2023-melding-aldersinndeling", "barnevern-2023-personelltabeller-kompetansekrav"]) {
      const s = computedStatus(registry, proposal(id));
      expect(s.state, id).toBe("ikke-beregnet");
      expect(s.reason, id).toMatch(/publiseringen i Statistikkbanken/);
    }
  });

  it("counts a declared code that does not change: partly carried out, then not at all (tiltak in 2024: 2.3 renamed, 2.4 not)", () => {
    const real = proposal("barnevern-2023-tiltak-2-3-2-4");
    const partly: Proposal = { ...real, id: "test-delvis", targetYear: 2024 };
    expect(computedStatus(registry, partly)).toMatchObject({ state: "delvis-gjennomført", label: "delvis gjennomført i 2024", declared: 2, carriedOut: 1 });
    const none: Proposal = { ...real, id: "test-ikke", targetYear: 2024, changes: [{ ...real.changes[0], codes: ["2.4"] }] };
    expect(computedStatus(registry, none)).toMatchObject({ state: "ikke-gjennomført", label: "ikke gjennomført i 2024", carriedOut: 0 });
  });

  it("cannot be computed for the 2009 proposals: one names no item of the registry, and the registry has no content of 2008", () => {
    expect(computedStatus(registry, proposal("barnevern-2009-definisjon-forsterket-fosterhjem")).state).toBe("ikke-beregnet");
    const indicator = computedStatus(registry, proposal("barnevern-2009-indikator-unge-18-22"));
    expect(indicator.state).toBe("ikke-beregnet");
    expect(indicator.reason).toMatch(/ikke for 2008 og 2009/);
  });

  it("is exported beside the proposal in its JSON, under the export schema, with the evidence cited by title", () => {
    const files = [...exportFiles(registry, "https://kostra.example")];
    const read = (id: string) => ProposalExport.parse((({ $schema, ...rest }) => rest)(JSON.parse(String(files.find((f) => f.path === `proposals/${id}.json`)!.content))));
    const plantyper = read("barnevern-2023-plantyper");
    expect(plantyper.computedStatus).toMatchObject({ state: "gjennomført", label: "gjennomført i 2023" });
    const cited = JSON.stringify(plantyper.proposal.evidence);
    expect(cited).toMatch(/Individ_2023-01-20|PlanType/);
    expect(cited).not.toContain("reference/barnevern-15F/");
    expect(read("barnevern-2023-kontoplan-veiledningstekster").computedStatus).toMatchObject({ state: "ikke-bekreftet" });
  });
});

describe("the proposals of the 2009 minutes", () => {
  it("are entered as proposals of the barnevern group, fremmet at the meeting and linked from its agenda", () => {
    const ids = ["barnevern-2009-indikator-unge-18-22", "barnevern-2009-definisjon-forsterket-fosterhjem"];
    const meeting = registry.meetings.get("barnevern-2009-05-06")!.data;
    for (const id of ids) {
      const p = proposal(id);
      expect(p.history.map((h) => [h.status, h.meeting])).toEqual([["fremmet", "barnevern-2009-05-06"]]);
      expect(meeting.agenda.some((item) => item.proposals?.includes(id)), id).toBe(true);
    }
    expect(meeting.agenda.find((i) => i.number === "3")!.proposals).toEqual(["barnevern-2009-indikator-unge-18-22"]);
    expect(meeting.agenda.find((i) => i.number === "5.4")!.proposals).toEqual(["barnevern-2009-definisjon-forsterket-fosterhjem"]);
  });

  it("are listed in the group's 2009 report", () => {
    const listed = annualReport(registry, "barnevern", 2009).proposals.map((x) => x.proposal.id).sort();
    expect(listed).toEqual(["barnevern-2009-definisjon-forsterket-fosterhjem", "barnevern-2009-indikator-unge-18-22"]);
  });
});
