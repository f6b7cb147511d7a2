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
  it("reads «gjennomført i 2023» for the 2023 proposals whose codes and fields change in the 2023 content", () => {
    for (const id of ["barnevern-2023-kontoplan-veiledningstekster", "barnevern-2023-plantyper", "barnevern-2023-skjema-8-kompetansekrav", "barnevern-2023-tiltak-2-3-2-4"]) {
      const s = computedStatus(registry, proposal(id));
      expect(s, id).toMatchObject({ state: "gjennomført", year: 2023, label: "gjennomført i 2023" });
      expect(s.carriedOut, id).toBe(s.declared);
      expect(s.declared, id).toBeGreaterThan(0);
    }
    // Recorded and computed stand side by side: the recorded status is still the report's «anbefalt».
    expect(proposal("barnevern-2023-plantyper").history.at(-1)!.status).toBe("anbefalt");
  });

  it("says it cannot tell for proposals that change only the Statbank publishing, which the registry has no years of", () => {
    for (const id of ["barnevern-2023-melding-aldersinndeling", "barnevern-2023-personelltabeller-kompetansekrav"]) {
      const s = computedStatus(registry, proposal(id));
      expect(s.state, id).toBe("ikke-beregnet");
      expect(s.reason, id).toMatch(/publiseringen i Statistikkbanken/);
    }
  });

  it("counts a declared code that does not change: partly carried out, then not at all", () => {
    const real = proposal("barnevern-2023-tiltak-2-3-2-4");
    // 1.1 is a tiltak code whose label stays the same from 2022 to 2023.
    const partly: Proposal = { ...real, id: "test-delvis", changes: [{ ...real.changes[0], codes: ["2.3", "2.4", "1.1"] }] };
    expect(computedStatus(registry, partly)).toMatchObject({ state: "delvis-gjennomført", label: "delvis gjennomført i 2023", declared: 3, carriedOut: 2 });
    const none: Proposal = { ...real, id: "test-ikke", changes: [{ ...real.changes[0], codes: ["1.1"] }] };
    expect(computedStatus(registry, none)).toMatchObject({ state: "ikke-gjennomført", label: "ikke gjennomført i 2023", carriedOut: 0 });
  });

  it("cannot be computed for the 2009 proposals: one names no item of the registry, and the registry has no content of 2008", () => {
    expect(computedStatus(registry, proposal("barnevern-2009-definisjon-forsterket-fosterhjem")).state).toBe("ikke-beregnet");
    const indicator = computedStatus(registry, proposal("barnevern-2009-indikator-unge-18-22"));
    expect(indicator.state).toBe("ikke-beregnet");
    expect(indicator.reason).toMatch(/ikke for 2008 og 2009/);
  });

  it("is exported beside the proposal in its JSON, under the export schema", () => {
    const file = [...exportFiles(registry, "https://kostra.example")].find((f) => f.path === "proposals/barnevern-2023-plantyper.json")!;
    const parsed = ProposalExport.parse((({ $schema, ...rest }) => rest)(JSON.parse(String(file.content))));
    expect(parsed.computedStatus).toMatchObject({ state: "gjennomført", label: "gjennomført i 2023" });
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
