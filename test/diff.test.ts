import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { validateContent } from "../src/lib/validate/index.ts";
import { differs, diffRegistry } from "../src/lib/diff/index.ts";
import { ChangeSet, type Change, type ChangeType } from "../src/lib/diff/change.ts";
import { BUNDLED_CONTENT_ROOT } from "../src/lib/load/content-root.ts";
import type { Registry } from "../src/lib/model/registry.ts";
import { FIXTURES } from "./helpers.ts";
import fc from "fast-check";
import { fullWordDiff, tokenize, wordDiff } from "../src/lib/diff/text-diff.ts";
import { groupChanges } from "../src/lib/diff/group.ts";
import { tallyChanges } from "../src/lib/diff/tally.ts";
import { loadContent } from "../src/lib/load/load-content.ts";

let fixture: Registry;
let real: Registry;
const find = (set: { changes: Change[] }, type: ChangeType, code?: string) => set.changes.filter((c) => c.type === type && (code === undefined || c.code === code || c.from?.includes(code)));

beforeAll(async () => {
  fixture = (await validateContent(join(FIXTURES, "diff"))).registry;
  real = (await validateContent(BUNDLED_CONTENT_ROOT)).registry;
});

describe("change types and classes (one rule each, as in docs/change-classes.md)", () => {
  // [type, from, to, code, sender, consumer]
  const rules: [ChangeType, number, number, string | undefined, string, string][] = [
    ["codelist-added", 2020, 2021, undefined, "compatible", "compatible"],
    ["codelist-discontinued", 2021, 2022, undefined, "breaking", "compatible"],
    ["code-added", 2020, 2021, "8", "compatible", "breaking"],
    ["code-removed", 2021, 2022, "8", "breaking", "compatible"],
    ["code-renamed", 2021, 2022, "1", "label-only", "label-only"],
    ["code-notes-changed", 2020, 2021, "7", "label-only", "label-only"],
    ["code-moved", 2020, 2021, "3", "none", "breaking"],
    ["code-deprecated", 2020, 2021, "4", "compatible", "none"],
    ["code-withdrawn", 2020, 2023, "4", "breaking", "none"],
    ["code-reactivated", 2022, 2024, "3", "compatible", "none"],
    ["code-split", 2020, 2021, "2", "breaking", "breaking"],
    ["code-merged", 2020, 2021, "5", "breaking", "breaking"],
    ["code-replaced", 2023, 2024, "21", "breaking", "breaking"],
    ["code-equivalent", 2023, 2024, "22", "breaking", "compatible"],
  ];
  for (const [type, from, to, code, sender, consumer] of rules) {
    it(`${type}: ${sender} for senders, ${consumer} for consumers`, () => {
      const found = find(diffRegistry(fixture, from, to), type, code);
      expect(found, `${type} ${code ?? ""} in ${from}→${to}`).toHaveLength(1);
      expect(found[0]).toMatchObject({ sender, consumer });
    });
  }

  it("covers every change type of codelists (forms: form-diff.test.ts)", () => {
    expect(new Set(rules.map((r) => r[0])).size).toBe(ChangeType_count("code"));
  });
});

function ChangeType_count(prefix: string): number {
  return (ChangeSet.shape.changes.element.shape.type.options as readonly string[]).filter((t) => t.startsWith(prefix)).length;
}

describe("the diff engine", () => {
  it("gives the word-level diff of a renamed label", () => {
    const [c] = find(diffRegistry(fixture, 2021, 2022), "code-renamed", "1");
    expect(c.before).toEqual({ label: "Rød" });
    expect(c.after).toEqual({ label: "Rødt" });
    expect(c.textDiff).toEqual([
      { op: "removed", text: "Rød" },
      { op: "added", text: "Rødt" },
    ]);
  });

  it("keeps numbers and paragraph references whole tokens", () => {
    expect(tokenize("etter § 4-27, tiltak 2.4 per 31.12.2023 og §§ 6-3a.")).toEqual(["etter", " ", "§ 4-27", ",", " ", "tiltak", " ", "2.4", " ", "per", " ", "31.12.2023", " ", "og", " ", "§§ 6-3a", "."]);
    expect(wordDiff("Tiltak etter § 4-5 i 2.3", "Tiltak etter § 4-15 i 2.4")).toEqual([
      { op: "same", text: "Tiltak etter " },
      { op: "removed", text: "§ 4-5" },
      { op: "added", text: "§ 4-15" },
      { op: "same", text: " i " },
      { op: "removed", text: "2.3" },
      { op: "added", text: "2.4" },
    ]);
  });

  it("takes the shortcut for texts that share too little only where the full word diff gives the same", () => {
    const token = fc.constantFrom("barn", "unge", "tiltak", "Barn", "fosterhjem", "§", "4-5", "2.3", "æøå", ".", ",", "(", ")", "-", " ", "  ", "\n");
    const text = fc.array(token, { maxLength: 14 }).map((t) => t.join(""));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(wordDiff(a, b)).toEqual(fullWordDiff(a, b));
      }),
      { numRuns: 3000 },
    );
    // And it is taken for a rewritten label.
    expect(wordDiff("Hjelpetiltak i hjemmet.", "Opphold i institusjon.")).toEqual(fullWordDiff("Hjelpetiltak i hjemmet.", "Opphold i institusjon."));
    expect(wordDiff("Barn art filuttrekk.", "Tilsyn hjelp vedtak.")).toEqual([{ op: "removed", text: "Barn art filuttrekk." }, { op: "added", text: "Tilsyn hjelp vedtak." }]);
  });

  it("does not report codes explained by a correspondence as added or removed", () => {
    const set = diffRegistry(fixture, 2020, 2021);
    const addedOrRemoved = set.changes.filter((c) => c.type === "code-added" || c.type === "code-removed").map((c) => c.code);
    expect(addedOrRemoved).toEqual(["8"]);
    expect(find(set, "code-merged")[0]).toMatchObject({ from: ["5", "6"], to: ["56"] });
  });

  it("resolves chains of correspondences transitively across years", () => {
    const set = diffRegistry(fixture, 2020, 2024);
    const [split] = find(set, "code-split", "2");
    expect(split).toMatchObject({ from: ["2"], to: ["210", "220"], year: 2021 });
    expect(find(set, "code-replaced")).toEqual([]);
    expect(find(set, "code-added").map((c) => c.code)).toEqual([]);
  });

  it("compares any two years, not only neighbours, and dates each change", () => {
    const set = diffRegistry(fixture, 2020, 2022);
    expect(find(set, "code-renamed", "1")[0].year).toBe(2022);
    expect(find(set, "code-moved", "3")[0].year).toBe(2021);
    // Code 8 came and went within the range: nothing to report.
    expect(set.changes.filter((c) => c.code === "8")).toEqual([]);
  });

  it("orders changes breaking first within an item", () => {
    const set = diffRegistry(fixture, 2020, 2024);
    const ranks = set.changes.filter((c) => c.item === "a").map((c) => (c.sender === "breaking" || c.consumer === "breaking" ? 0 : 1));
    expect(ranks).toEqual([...ranks].sort());
  });

  it("refuses a range that does not go forward", () => {
    expect(() => diffRegistry(fixture, 2022, 2022)).toThrow(/before/);
  });
});

describe("memoised item diffs", () => {
  it("equal a fresh computation for every pair of years, whichever pair is asked first", () => {
    for (const registry of [fixture, real]) {
      const years = registry.reportingYears;
      const pairs = years.flatMap((from) => years.filter((to) => to > from).map((to) => [from, to] as const));
      for (const [from, to] of [...pairs].reverse()) {
        const memoised = diffRegistry(registry, from, to).changes.map(({ proposals, justified, ...draft }) => JSON.stringify(draft)).sort();
        const fresh = differs.flatMap((d) => d.ids(registry).flatMap((id) => d.diff(registry, id, from, to))).map((d) => JSON.stringify(d)).sort();
        expect(memoised, `${from}→${to}`).toEqual(fresh);
      }
    }
  });

  it("tells a deprecated code from a withdrawn one when two pairs span the same versions", () => {
    // 2020→2022 and 2020→2023 both compare versions 2020 and 2022; code 4 is withdrawn from 2023.
    expect(find(diffRegistry(fixture, 2020, 2022), "code-deprecated", "4")).toHaveLength(1);
    expect(find(diffRegistry(fixture, 2020, 2023), "code-withdrawn", "4")).toHaveLength(1);
  });
});

describe("change tallies (the pages of years that are not neighbours)", () => {
  it("count what the change set has, item by item and in its order, for every pair of years", async () => {
    // Loaded afresh (validation diffs neighbouring years), and every pair tallied before any change
    // set is made: the tallies count from their own cheaper diffs, not from the full ones a change
    // set would have left in the memo.
    for (const root of [join(FIXTURES, "diff"), BUNDLED_CONTENT_ROOT]) {
      const { registry } = await loadContent(root, { validated: true });
      const years = registry.reportingYears;
      const pairs = years.flatMap((from) => years.filter((y) => y > from).map((to) => [from, to] as const));
      const tallies = pairs.map(([from, to]) => tallyChanges(registry, from, to));
      for (const [from, to] of pairs) {
        const set = diffRegistry(registry, from, to);
        const tally = tallies.shift()!;
        expect(tally.summary, `${from}→${to}`).toEqual(set.summary);
        expect(tally.notCarriedOut, `${from}→${to}`).toEqual(set.notCarriedOut);
        const expected = groupChanges(set.changes).map((g) => ({
          workingGroup: g.workingGroup,
          items: g.items.map((i) => ({
            itemKind: i.changes[0].itemKind,
            item: i.item,
            itemName: i.itemName,
            workingGroup: g.workingGroup,
            changes: i.changes.length,
            senderBreaking: i.changes.filter((c) => c.sender === "breaking").length,
            consumerBreaking: i.changes.filter((c) => c.consumer === "breaking").length,
            notJustified: i.changes.filter((c) => !c.justified).length,
          })),
        }));
        expect(tally.groups, `${from}→${to}`).toEqual(expected);
      }
    }
  });

  it("counts changes that no proposal declares", () => {
    const tally = tallyChanges(fixture, 2020, 2022);
    expect(tally.summary.notJustified).toBeGreaterThan(0);
    expect(tally.summary.notJustified).toBeLessThan(tally.summary.changes);
  });
});

describe("traceability", () => {
  it("links a change to the proposal that declares it, and flags the rest as not justified", () => {
    const set = diffRegistry(fixture, 2020, 2021);
    expect(find(set, "code-split", "2")[0]).toMatchObject({ proposals: ["split-blue"], justified: true });
    expect(find(set, "code-added", "8")[0]).toMatchObject({ proposals: [], justified: false });
    expect(set.summary.notJustified).toBe(set.changes.filter((c) => !c.justified).length);
  });

  it("lets a proposal without codes cover every change of its codelist", () => {
    const set = diffRegistry(fixture, 2023, 2024);
    expect(set.changes.length).toBeGreaterThan(0);
    for (const c of set.changes.filter((x) => x.item === "a")) expect(c.proposals).toContain("all-of-2024");
  });

  it("flags a declared change that did not happen, and ignores rejected proposals", () => {
    const set = diffRegistry(fixture, 2021, 2022);
    expect(set.notCarriedOut).toEqual([{ proposal: "unchanged-white", targetYear: 2022, itemKind: "codelist", item: "a", code: "7", description: "Hvit endres, men ble ikke endret." }]);
    expect(find(set, "code-renamed", "1")[0].proposals).not.toContain("rejected-red");
  });

  it("reports both as validate warnings at the file and line", async () => {
    const result = await validateContent(join(FIXTURES, "diff"));
    expect(result.errors).toBe(0);
    const w = result.findings.filter((f) => f.severity === "warning");
    expect(w.find((f) => f.message.startsWith("not carried out"))).toMatchObject({ file: "changes/unchanged-white.mdx", line: 10, field: "changes.0.codes.0" });
    expect(w.find((f) => f.file === "codelists/a/2021.yaml")!.message).toMatch(/^not justified: 5 change\(s\) to codelist a from 2020 to 2021/);
  });
});

describe("the real 2022 → 2023 diff", () => {
  let set: ReturnType<typeof diffRegistry>;
  beforeAll(() => {
    set = diffRegistry(real, 2022, 2023);
  });

  it("lists the plan types added in 2023, traced to their proposal", () => {
    const added = find(set, "code-added").filter((c) => c.item === "plantype");
    expect(added.map((c) => c.code)).toEqual(["5", "6", "7", "8"]);
    for (const c of added) expect(c.proposals).toEqual(["barnevern-2023-plantyper"]);
  });

  it("shows no tiltak 2.3/2.4 relabelling from 2022 to 2023, since no 2023 XSD has it: the proposal's codes are listed as not carried out", () => {
    expect(set.changes.filter((c) => c.item === "tiltak-kategori" || (c.item === "15f" && ["2.3", "2.4"].includes(c.code ?? "")))).toEqual([]);
    expect(set.notCarriedOut.filter((n) => n.proposal === "barnevern-2023-tiltak-2-3-2-4").map((n) => n.code)).toEqual(["2.3", "2.4"]);
  });

  it("relabels tiltak 2.3 from 2023 to 2024 as the 2024-09-02 XSD does, label-only for senders, in the codelist and in 15F", () => {
    const next = diffRegistry(real, 2023, 2024);
    const [renamed] = find(next, "code-renamed", "2.3").filter((x) => x.item === "tiltak-kategori");
    expect(renamed).toMatchObject({ sender: "label-only", after: { label: "Spesialiserte fosterhjem" } });
    expect(find(next, "code-renamed", "2.4").filter((x) => x.item === "tiltak-kategori")).toEqual([]);
    const [relabelled] = find(next, "field-code-relabelled", "2.3").filter((x) => x.item === "15f");
    expect(relabelled).toMatchObject({ element: "kategori.Kode", before: { label: "Statlige familiehjem (gjelder fosterhjem som staten har ansvar for)" }, after: { label: "Spesialiserte fosterhjem" } });
  });

  it("judges 15F's new tiltaksgrunnlag.Kode by its optional record (0..n): compatible, and reported once", () => {
    const rows = set.changes.filter((c) => c.item === "15f" && c.element?.startsWith("tiltaksgrunnlag"));
    expect(rows.map((c) => [c.type, c.element, c.sender])).toEqual([
      ["field-added", "tiltaksgrunnlag", "compatible"],
      ["field-added", "tiltaksgrunnlag.Kode", "compatible"],
      ["field-added", "tiltaksgrunnlag.Presisering", "compatible"],
    ]);
    // Added with its whole definition: the codes it takes from the bound saksinnhold list in 2023.
    expect(rows[1].after).toMatchObject({ mandatory: false, codelist: "saksinnhold", description: "Kode for saksinnhold" });
    expect(rows[1].after?.codes?.map((c) => c.code)).toContain("29");
  });

  it("shows the shared codelist's new codes under form 15F and the field that takes them", () => {
    const codes = find(set, "field-code-added").filter((c) => c.item === "15f" && c.element === "plan.Plantype");
    expect(codes.map((c) => c.code)).toEqual(["5", "6", "7", "8"]);
    for (const c of codes) expect(c).toMatchObject({ elementKind: "record-field", sender: "compatible", consumer: "breaking", proposals: ["barnevern-2023-plantyper"] });
  });

  it("shows the guidance-text changes of the arts, justified by the chart-of-accounts proposal", () => {
    const arts = set.changes.filter((c) => c.item === "kostra-art");
    expect(arts.map((c) => c.code)).toEqual(["050", "165", "370", "400", "470"]);
    for (const c of arts) expect(c).toMatchObject({ type: "code-notes-changed", justified: true });
  });

  it("flags the saksinnhold codes no source proposal declares", () => {
    expect(find(set, "code-added").filter((c) => c.item === "saksinnhold" && !c.justified).map((c) => c.code)).toEqual(["29", "30", "31"]);
  });

  it("shows the new 2B row of form 8 as a form change traced to its proposal", () => {
    const row = set.changes.find((c) => c.itemKind === "form" && c.item === "8" && c.element === "besatte-etter-type.kompetansekrav");
    expect(row).toMatchObject({ type: "field-added", elementKind: "row", after: { label: "Herav stillinger som oppfyller kompetansekravet i bvl. § 15-6" }, proposals: ["barnevern-2023-skjema-8-kompetansekrav"], justified: true });
  });

  it("has the documented JSON shape", () => {
    expect(ChangeSet.parse(JSON.parse(JSON.stringify(set)))).toEqual(set);
  });
});

describe("the real 2023 → 2024 diff of 15F", () => {
  it("shows the uniqueness rules of Individ_2024-09-02.xsd as new schema rules, breaking for senders", () => {
    const rules = diffRegistry(real, 2023, 2024).changes.filter((c) => c.item === "15f" && c.type === "schema-rule-added");
    expect(rules.map((c) => c.element).sort()).toEqual(["individ.FlyttingIdUnique", "individ.MeldingIdUnique", "individ.PlanIdUnique", "individ.TiltakIdUnique"]);
    for (const c of rules) expect(c).toMatchObject({ elementKind: "schema-rule", sender: "breaking" });
    expect(rules.find((c) => c.element === "individ.MeldingIdUnique")?.after?.rule).toBe("unique MeldingIdUnique: Melding @Id");
  });
});
