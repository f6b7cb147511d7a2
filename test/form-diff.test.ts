import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { validateContent } from "../src/lib/validate/index.ts";
import { diffRegistry } from "../src/lib/diff/index.ts";
import type { ChangeSet } from "../src/lib/diff/change.ts";
import { FIXTURES } from "./helpers.ts";

let set: ChangeSet;
const one = (type: string, element: string) => {
  const found = set.changes.filter((c) => c.type === type && c.element === element);
  expect(found, `${type} ${element}`).toHaveLength(1);
  return found[0];
};

beforeAll(async () => {
  const result = await validateContent(join(FIXTURES, "forms"));
  expect(result.errors).toBe(0);
  set = diffRegistry(result.registry, 2020, 2021);
});

describe("form diffs, classed for senders and consumers", () => {
  const rules: [string, string, string, string][] = [
    ["field-added", "ny", "compatible", "compatible"],
    ["field-added", "t.herav", "compatible", "compatible"],
    ["field-added-mandatory", "ny-obligatorisk", "breaking", "compatible"],
    ["field-removed", "gammel", "breaking", "breaking"],
    ["field-text-changed", "navn", "label-only", "label-only"],
    ["field-format-changed", "antall", "breaking", "breaking"],
    ["field-format-changed", "linje.KODE", "breaking", "breaking"],
    ["field-format-changed", "linje.BELOP", "breaking", "breaking"],
    ["field-codelist-changed", "kode", "breaking", "breaking"],
    ["field-made-mandatory", "epost", "breaking", "none"],
    ["control-added-blocking", "k-ny-feil", "breaking", "compatible"],
    ["control-added-warning", "k-ny-advarsel", "compatible", "compatible"],
    ["control-removed", "k-fjernes", "compatible", "compatible"],
    ["control-made-stricter", "k-skjerpes", "breaking", "compatible"],
    ["control-condition-changed", "k-feil", "breaking", "compatible"],
    ["control-text-changed", "k-melding", "label-only", "label-only"],
    ["field-made-optional", "valgfri", "compatible", "compatible"],
    ["control-made-lenient", "k-mildere", "compatible", "compatible"],
  ];
  for (const [type, element, sender, consumer] of rules) {
    it(`${type} ${element}: ${sender} for senders, ${consumer} for consumers`, () => {
      expect(one(type, element)).toMatchObject({ sender, consumer });
    });
  }

  it("reports forms added and discontinued", () => {
    expect(set.changes.find((c) => c.item === "x2")).toMatchObject({ type: "form-added", sender: "breaking", consumer: "compatible", year: 2021 });
    expect(set.changes.find((c) => c.item === "x3")).toMatchObject({ type: "form-discontinued", sender: "compatible", consumer: "breaking", year: 2021 });
  });

  it("covers every form change type", async () => {
    const { ChangeSet: CS } = await import("../src/lib/diff/change.ts");
    const formTypes = (CS.shape.changes.element.shape.type.options as readonly string[]).filter((t) => /^(form|field|control)-/.test(t));
    expect(new Set(set.changes.map((c) => c.type).filter((t) => formTypes.includes(t))).size).toBe(formTypes.length);
  });

  it("does not count the reporting year in a title as a change", () => {
    expect(set.changes.filter((c) => c.element === "del-1")).toEqual([]);
  });

  it("records what changed: position, length, severity, condition", () => {
    expect(one("field-format-changed", "linje.KODE")).toMatchObject({ before: { format: "type code, position 5, length 2" }, after: { format: "type code, position 5, length 3" } });
    expect(one("control-made-stricter", "k-skjerpes")).toMatchObject({ before: { severity: "WARNING" }, after: { severity: "ERROR" } });
    expect(one("control-condition-changed", "k-feil")).toMatchObject({ before: { when: 'field["antall"] > 10.0' }, after: { when: 'field["antall"] > 12.0' } });
  });

  it("traces form changes to the proposals that name their fields and controls", () => {
    expect(one("field-added", "t.herav").proposals).toEqual(["ny-rad"]);
    expect(one("control-added-blocking", "k-ny-feil").proposals).toEqual(["ny-rad"]);
    expect(one("field-added", "ny").justified).toBe(false);
    expect(set.notCarriedOut).toEqual([]);
  });
});
