import { beforeAll, describe, expect, it } from "vitest";
import { validateContent } from "../src/lib/validate/index.ts";
import { BUNDLED_CONTENT_ROOT } from "../src/lib/load/content-root.ts";
import { versionAt, type Registry } from "../src/lib/model/registry.ts";
import { assumedAt, assumedLabel } from "../src/lib/model/assumed.ts";
import { assumedNotice } from "../src/lib/views/form.ts";
import { exportFiles } from "../src/lib/export/write.ts";
import { FormYearExport } from "../src/lib/export/shapes.ts";
import { diffRegistry } from "../src/lib/diff/index.ts";
import { formatChangeSetText } from "../src/lib/diff/format-text.ts";

let registry: Registry;
beforeAll(async () => {
  registry = (await validateContent(BUNDLED_CONTENT_ROOT)).registry;
});

const form8 = () => registry.forms.get("8")!;

describe("form 8 beyond the last year its sources cover", () => {
  it("is the 2023 version in 2024–2026, confirmed only for 2023 and assumed after", () => {
    const last = registry.lastYear!;
    expect(last).toBeGreaterThan(2023);
    expect(versionAt(form8(), last)!.year).toBe(2023);
    expect(assumedAt(registry, form8(), 2023)).toBeUndefined();
    expect(assumedAt(registry, form8(), 2022)).toBeUndefined();
    const span = assumedAt(registry, form8(), 2024)!;
    expect(span).toEqual({ from: 2023, confirmedTo: 2023, years: Array.from({ length: last - 2023 }, (_, i) => 2024 + i) });
    expect(assumedLabel(span)).toBe(`antatt uendret fra 2023: ingen kilde for 2024–${last}`);
  });

  it("says so on the form's page for 2024, not for 2023", () => {
    expect(assumedNotice(registry, form8(), 2024)).toMatch(/^Antatt uendret fra 2023: ingen kilde for 2024–\d{4}\. .*ingen kilde bekrefter at den gjelder for 2024/);
    expect(assumedNotice(registry, form8(), 2023)).toBeUndefined();
  });

  it("carries `assumed: true` and the last confirmed year in the API for 2024, and nothing of it in 2022 or 2023", () => {
    const files = [...exportFiles(registry, "https://kostra.example")];
    const year = (y: number) => FormYearExport.parse((({ $schema, ...rest }) => rest)(JSON.parse(String(files.find((f) => f.path === `forms/8/${y}.json`)!.content))));
    expect(year(2024)).toMatchObject({ year: 2024, versionYear: 2023, assumed: true, confirmedTo: 2023 });
    for (const y of [2022, 2023]) {
      expect(year(y).assumed, String(y)).toBeUndefined();
      expect(year(y).confirmedTo, String(y)).toBeUndefined();
    }
  });

  it("makes the diff say «no source» for 2023→2024 rather than nothing, and nothing of it for 2022→2023", () => {
    const set = diffRegistry(registry, 2023, 2024);
    expect(set.withoutSource).toContainEqual({ itemKind: "form", item: "8", confirmedTo: 2023 });
    expect(set.changes.some((c) => c.item === "8" && c.itemKind === "form")).toBe(false);
    expect(formatChangeSetText(set)).toMatch(/No source for 2024 \(assumed unchanged, not compared\):\n  form 8: no source after 2023/);
    expect(diffRegistry(registry, 2022, 2023).withoutSource).toBeUndefined();
  });
});
