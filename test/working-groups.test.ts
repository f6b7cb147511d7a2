import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { validateContent } from "../src/lib/validate/index.ts";
import { BUNDLED_CONTENT_ROOT } from "../src/lib/load/content-root.ts";
import { actionStates, openActions } from "../src/lib/meetings/actions.ts";
import { annualReport } from "../src/lib/report/annual-report.ts";
import { cycleOf } from "../src/lib/cycle/calendar.ts";
import { cycleToICalendar } from "../src/lib/export/cycle-calendar.ts";
import { TRANSITIONS } from "../src/lib/validate/lifecycle.ts";
import type { Registry } from "../src/lib/model/registry.ts";
import { fixtureWith } from "./helpers.ts";

let registry: Registry;
beforeAll(async () => {
  registry = (await validateContent(BUNDLED_CONTENT_ROOT)).registry;
});

describe("the proposal lifecycle", () => {
  it("is a state machine where avvist and gjennomført are final and utsatt can be taken up again", () => {
    expect(TRANSITIONS.start).toEqual(["utkast", "fremmet"]);
    expect(TRANSITIONS.avvist).toEqual([]);
    expect(TRANSITIONS.gjennomført).toEqual([]);
    expect(TRANSITIONS.utsatt).toContain("fremmet");
    expect(TRANSITIONS.anbefalt).toContain("vedtatt");
  });

  it("accepts every status path of the real proposals", async () => {
    const result = await validateContent(BUNDLED_CONTENT_ROOT);
    expect(result.findings.filter((f) => f.file.startsWith("changes/") && f.severity === "error")).toEqual([]);
    // The 2023 report's proposals were fremmet and anbefalt; the 2009 minutes record only that theirs were fremmet.
    for (const { data } of registry.proposals.values()) expect(data.history.map((h) => h.status)).toEqual(data.targetYear === 2009 ? ["fremmet"] : ["fremmet", "anbefalt"]);
  });
});

describe("action items", () => {
  it("keeps the 2009 follow-ups open, since no later barnevern meeting closes them", () => {
    const open = openActions(registry, "barnevern").map((a) => a.key);
    expect(open).toEqual([
      "barnevern-2009-05-06#notat-personellrapportering",
      "barnevern-2009-05-06#ks-notat-regnskapsforing",
      "barnevern-2009-05-06#totaltall-statistikkbanken",
      "barnevern-2009-05-06#definisjon-forsterket-fosterhjem",
    ]);
  });

  it("treats an action the minutes say is done as closed", () => {
    const a = actionStates(registry).find((x) => x.key === "sosialtjenesten-2013-04-22#ssb-kontakt-fagsystemleverandorer")!;
    expect(a.state).toBe("closed");
    expect(openActions(registry, "sosialtjenesten").map((x) => x.action.id)).not.toContain("ssb-kontakt-fagsystemleverandorer");
  });

  it("carries an action across meetings until a later meeting closes it", async () => {
    const dir = fixtureWith();
    writeFileSync(join(dir, "content/meetings/m1.mdx"), `---
id: m1
title: "Møte"
workingGroup: wg
date: "2021-05-01"
agenda:
  - number: "1"
    title: "Farger"
    proposals: [p1]
    actions: [{ id: notat, owner: "SSB", what: "Skriv notat.", status: open }]
source: "fixture"
---
`);
    const follow = (id: string, date: string, status: string) => `---
id: ${id}
title: "Møte ${date}"
workingGroup: wg
date: "${date}"
agenda:
  - number: "1"
    title: "Oppfølging"
    followUps: [{ action: "m1#notat", status: ${status} }]
source: "fixture"
---
`;
    writeFileSync(join(dir, "content/meetings/m2.mdx"), follow("m2", "2021-09-01", "open"));
    const still = await validateContent(dir);
    expect(still.errors).toBe(0);
    expect(openActions(still.registry, "wg").map((a) => a.key)).toEqual(["m1#notat"]);
    writeFileSync(join(dir, "content/meetings/m3.mdx"), follow("m3", "2022-01-10", "closed"));
    const closed = await validateContent(dir);
    expect(openActions(closed.registry, "wg")).toEqual([]);
    expect(actionStates(closed.registry)[0]).toMatchObject({ state: "closed", closedBy: { id: "m3" } });
  });
});

describe("the annual report and the yearly cycle", () => {
  it("fills the chapters of the 2023 barnevern report from proposals, diffs and meetings", () => {
    const r = annualReport(registry, "barnevern", 2023);
    expect(r.members.map((m) => m.name)).toContain("Tone Dyrhaug");
    expect(r.meetings.map((m) => m.date)).toEqual(["2023-04-20"]);
    expect(r.proposals).toHaveLength(6);
    expect(r.publishing.map((p) => p.id).sort()).toEqual(["barnevern-2023-melding-aldersinndeling", "barnevern-2023-personelltabeller-kompetansekrav"]);
    expect(r.chartOfAccounts.changes.map((c) => c.code)).toEqual(["050", "165", "370", "400", "470"]);
    expect(r.forms.changes.some((c) => c.element === "besatte-etter-type.kompetansekrav")).toBe(true);
    expect(r.evaluation.events.map((e) => e.date)).toEqual(["2023-02-15", "2023-03-15", "2023-06-15"]);
  });

  it("gives each reporting year its dates, with the meetings added", () => {
    expect(cycleOf(registry, 2013).map((e) => `${e.date} ${e.kind}`)).toEqual(["2013-03-01 proposal-deadline", "2013-04-22 meeting", "2013-05-15 other", "2013-05-27 meeting"]);
  });

  it("writes a valid, stable iCalendar file", () => {
    const ics = cycleToICalendar(registry, 2022, "http://localhost:4321");
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(ics).toContain("DTSTART;VALUE=DATE:20230215");
    expect(cycleToICalendar(registry, 2022, "http://localhost:4321")).toBe(ics);
  });
});
