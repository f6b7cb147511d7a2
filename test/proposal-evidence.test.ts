import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { validateContent } from "../src/lib/validate/index.ts";
import { checkProposalEvidence } from "../src/lib/validate/proposal-evidence.ts";
import { BUNDLED_CONTENT_ROOT } from "../src/lib/load/content-root.ts";
import type { Registry } from "../src/lib/model/registry.ts";
import { contentCopy } from "./helpers.ts";

let registry: Registry;
beforeAll(async () => {
  registry = (await validateContent(BUNDLED_CONTENT_ROOT)).registry;
});

const KONTOPLAN = "changes/barnevern-2023-kontoplan-veiledningstekster.mdx";

/** The bundled content with one proposal's front matter edited, validated. */
async function findingsWith(edit: (text: string) => string) {
  const dir = contentCopy();
  const path = join(dir, KONTOPLAN);
  writeFileSync(path, edit(readFileSync(path, "utf8")));
  return (await validateContent(dir)).findings.filter((f) => f.file === KONTOPLAN && f.severity === "error");
}

describe("the content rule on proposals' status and dates", () => {
  it("finds nothing in the bundled content: the 2023 proposals are dated by the year the report gives, not by the meeting's day", () => {
    expect(checkProposalEvidence(registry)).toEqual([]);
    for (const { data: p } of registry.proposals.values()) {
      if (p.targetYear === 2023) expect(p.history.map((h) => h.date), p.id).toEqual(["2023", "2023"]);
    }
  });

  it("refuses a status change dated on a meeting's day that does not cite the meeting (the old «anbefalt 2023-04-20»)", async () => {
    const findings = await findingsWith((t) => t.replace(/- status: anbefalt\n    date: "2023"/, '- status: anbefalt\n    date: "2023-04-20"'));
    expect(findings.map((f) => f.message)).toEqual([expect.stringMatching(/dated 2023-04-20, the day of meeting barnevern-2023-04-20, without citing it/)]);
  });

  it("refuses a recorded «gjennomført» without evidence for the target year", async () => {
    const gjennomfort = (t: string) => t.replace(/(Oppsummering og anbefaling\. .*\n)/, '$1  - status: vedtatt\n    date: "2023"\n    note: "test"\n  - status: gjennomført\n    date: "2023"\n    note: "test"\n');
    expect((await findingsWith(gjennomfort)).map((f) => f.message)).toEqual([expect.stringMatching(/recorded as gjennomført, but no evidence shows the change in 2023/)]);
    // Evidence that only repeats the proposal's own source does not count either.
    const own = (t: string) => gjennomfort(t).replace(/\nsource: (".*")\n/, '\nevidence:\n  - { year: 2023, shows: "test", source: $1 }\nsource: $1\n');
    expect((await findingsWith(own)).map((f) => f.message)).toEqual([expect.stringMatching(/evidence cites the proposal's own source/)]);
  });
});

describe("corrections of issue 35 on the real content", () => {
  it("ties indicator f244 to table 12279 (source 002: «hentet fra SSB tabell 12279»), so the table and theme 4.10 show it", async () => {
    const { indicatorsUsing } = await import("../src/lib/indicators/tables.ts");
    const { themeKeyFigures } = await import("../src/lib/report/themes.ts");
    const id = "brutto-driftsutgifter-per-barn-f244-med-undersokelse-eller-tiltak";
    expect(indicatorsUsing(registry, "12279").map((i) => i.id)).toContain(id);
    const template = registry.reportTemplates.get("tilstandsrapport-barnevern")!;
    const figures = themeKeyFigures(registry, template.themes.find((t) => t.number === "4.10")!);
    expect(figures.tables.map((t) => t.number)).toContain("12279");
  });

  it("says of the 2023 meeting only what the report says, and adds the two missing items of the 2013 minutes", () => {
    const body = registry.meetings.get("barnevern-2023-04-20")!.body;
    expect(body).not.toMatch(/ble behandlet på møtet/);
    expect(body).toContain("«Det er avholdt ett arbeidsgruppemøte det siste året, 20.04.2023.»");
    const agenda = registry.meetings.get("sosialtjenesten-2013-04-22")!.data.agenda;
    expect(agenda.find((i) => i.number === "2")!.summary).toContain("Per 15/3 hadde 288 kommuner med deltakere i introduksjonsprogram sendt inn skjema 11 B. data manglet fra 12 kommuner");
    expect(agenda.find((i) => i.number === "4")!.summary).toMatch(/Saken ligger nå i AD, som har varslet svar i løpet av mai\. SSB opplyste ellers at det vil bli holdt et møte 3\. mai med BLD om videre utvikling av krisesenterstatistikken/);
  });
});
