import { describe, expect, it } from "vitest";
import { computeIndicator, formatResult, indicatorVersionAt } from "../src/lib/indicators/compute.ts";
import { formulaToMathML } from "../src/lib/indicators/mathml.ts";
import { diffIndicator } from "../src/lib/diff/indicator.ts";
import type { Formula, Indicator } from "../src/lib/schema/index.ts";

const share: Formula = {
  text: "(A/B)*100",
  numerator: { label: "Antall barn med barneverntiltak i løpet av året, tiltak i alt, 0-24 år", table: "12275", isCount: true },
  denominator: { label: "Antall innbyggere 0-24 år", table: "11805" },
  multiplier: 100,
};
const perInhabitant: Formula = {
  text: "(A/B) * 1000",
  numerator: { label: "Beløp (1000 kr), netto driftsutgifter", table: "12367", variables: { unit: "1000 kr" } },
  denominator: { label: "Antall innbyggere 0-24 år", table: "11805" },
  multiplier: 1000,
};
const rule = { maxSuppressedCount: 3 };

describe("computing an indicator", () => {
  it("computes a share in percent: 150 children of 10 000 inhabitants is 1.5", () => {
    expect(computeIndicator(share, { A: 150, B: 10_000 }, rule)).toEqual({ kind: "value", value: 1.5 });
  });

  it("computes kroner per inhabitant from thousands of kroner: 52 000 / 10 400 × 1000 = 5 000", () => {
    expect(computeIndicator(perInhabitant, { A: 52_000, B: 10_400 }, rule)).toEqual({ kind: "value", value: 5000 });
  });

  it("suppresses when a count used is 3 or less, and shows 4", () => {
    expect(computeIndicator(share, { A: 3, B: 1000 }, rule)).toEqual({ kind: "suppressed", quantity: "A", count: 3, max: 3 });
    expect(computeIndicator(share, { A: 0, B: 1000 }, rule).kind).toBe("suppressed");
    expect(computeIndicator(share, { A: 4, B: 1000 }, rule)).toEqual({ kind: "value", value: 0.4 });
  });

  it("does not suppress on quantities that are not counts of persons (money, population)", () => {
    expect(computeIndicator(perInhabitant, { A: 2, B: 2 }, rule)).toEqual({ kind: "value", value: 1000 });
    expect(computeIndicator(share, { A: 10, B: 3 }, rule).kind).toBe("value");
  });

  it("refuses missing, negative or zero-denominator input with a reason", () => {
    expect(computeIndicator(share, { B: 10 }, rule)).toEqual({ kind: "invalid", reason: "A mangler" });
    expect(computeIndicator(share, { A: 10, B: 0 }, rule)).toMatchObject({ kind: "invalid" });
    expect(computeIndicator(share, { A: -1, B: 10 }, rule)).toMatchObject({ kind: "invalid" });
  });

  it("formats results in Norwegian and says why a value is suppressed", () => {
    expect(formatResult({ kind: "value", value: 1.5 })).toBe("1,5");
    expect(formatResult(computeIndicator(share, { A: 3, B: 100 }, rule))).toBe("Prikket: A er 3, og tall på 3 eller færre vises ikke");
  });

  it("renders the formula as MathML, not as a code string", () => {
    expect(formulaToMathML(share, "Andel")).toBe('<math display="block" aria-label="Andel"><mrow><mfrac><mi>A</mi><mi>B</mi></mfrac><mo>×</mo><mn>100</mn></mrow></math>');
  });
});

describe("indicator versions and diffs", () => {
  const indicator: Indicator = {
    id: "andel",
    name: "Andel barn med tiltak",
    type: "Dekningsgrad",
    dataSource: "KOSTRA/SSB",
    description: "d",
    source: "fixture",
    workingGroup: "barnevern",
    versions: [
      { from: 2015, formula: { ...share, numerator: { ...share.numerator, label: "Antall barn med tiltak, 0-22 år", variables: { ageGroup: "0-22 år" } } } },
      { from: 2021, formula: { ...share, numerator: { ...share.numerator, variables: { ageGroup: "0-24 år" } } }, seriesBreak: true },
    ],
  };

  it("picks the definition in force in a year", () => {
    expect(indicatorVersionAt(indicator, 2020)!.from).toBe(2015);
    expect(indicatorVersionAt(indicator, 2023)!.from).toBe(2021);
    expect(indicatorVersionAt(indicator, 2010)).toBeUndefined();
  });

  it("marks an age-group change as a break in the series, breaking for consumers and nothing for senders", () => {
    const changes = diffIndicator(indicator, 2020, 2021);
    expect(changes.map((c) => c.type)).toEqual(["indicator-age-group-changed"]);
    expect(changes[0]).toMatchObject({ seriesBreak: true, sender: "none", consumer: "breaking", year: 2021, before: { label: "0-22 år / " }, after: { label: "0-24 år / " } });
    expect(diffIndicator(indicator, 2021, 2023)).toEqual([]);
  });

  it("reports a new source table", () => {
    const moved: Indicator = { ...indicator, versions: [indicator.versions![1], { from: 2023, formula: { ...indicator.versions![1].formula!, numerator: { ...indicator.versions![1].formula!.numerator, table: "13939" } } }] };
    const [c] = diffIndicator(moved, 2022, 2023);
    expect(c).toMatchObject({ type: "indicator-table-changed", before: { label: "12275 / 11805" }, after: { label: "13939 / 11805" } });
    expect(c.seriesBreak).toBeUndefined();
  });
});
