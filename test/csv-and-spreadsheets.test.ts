import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { parse } from "csv-parse/sync";
import readXlsxFile from "read-excel-file/node";
import ExcelJS from "exceljs";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { validateContent } from "../src/lib/validate/index.ts";
import { BUNDLED_CONTENT_ROOT } from "../src/lib/load/content-root.ts";
import type { CodelistEntry, Registry } from "../src/lib/model/registry.ts";
import type { CodelistVersion } from "../src/lib/schema/index.ts";
import { exportFiles, writeExports } from "../src/lib/export/write.ts";
import { codesToCsv, codesToExcelCsv } from "../src/lib/export/csv.ts";
import { codelistToXlsx } from "../src/lib/export/xlsx.ts";
import { sha256 } from "../src/lib/export/published-hashes.ts";
import type { CodelistYearExport, IndexExport } from "../src/lib/export/shapes.ts";
import { tempDir } from "./helpers.ts";

// Each export is judged by a consumer's own reader: csv-parse at its strictest for the CSVs,
// read-excel-file and exceljs (a dev dependency, as a reader only: xlsx.ts writes the parts itself)
// for the spreadsheets, against the JSON export.

const SITE = "https://kostra-registeret.example";
const CSV_HEADER = ["code", "parentCode", "name", "nameNn", "nameEn", "shortName", "notes", "status", "withdrawnFrom", "selectable", "group"];
// The spreadsheet's headings for the same columns, as docs/api.md documents them.
const XLSX_HEADER = ["Kode", "Overordnet kode", "Navn (bokmål)", "Navn (nynorsk)", "Navn (engelsk)", "Kortnavn", "Merknad", "Status", "Utgår fra (rapporteringsår)", "Kan velges", "Gruppe"];

type Code = CodelistYearExport["version"]["codes"][number];
/** A code of the JSON export, column by column: as a program reads it from the CSV (empty = ""). */
const csvRow = (c: Code) => [c.code, c.parent ?? "", c.name.nb, c.name.nn ?? "", c.name.en ?? "", c.shortName ?? "", c.notes ?? "", c.status ?? "active", c.withdrawnFrom === undefined ? "" : String(c.withdrawnFrom), c.selectable === false ? "false" : "true", c.group ?? ""];
/** The same in the spreadsheet: text cells, the year a number, "can be selected" a boolean, empty cells null. */
const xlsxRow = (c: Code) => [c.code, c.parent ?? null, c.name.nb, c.name.nn ?? null, c.name.en ?? null, c.shortName ?? null, c.notes ?? null, c.status ?? "active", c.withdrawnFrom ?? null, c.selectable !== false, c.group ?? null];
/** The Excel CSV's documented formula guard: a cell a spreadsheet would run gets a `'` in front, plain numbers excepted. */
const guarded = (cell: string) => (/^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(?:[.,]\d+)?$/.test(cell) ? `'${cell}` : cell);

/** csv-parse at its strictest: RFC 4180 quoting, every record the same width, nothing skipped or trimmed. */
const strict = { relax_quotes: false, relax_column_count: false, skip_empty_lines: false, skip_records_with_error: false, trim: false, quote: '"', escape: '"' } as const;

/**
 * A CSV as a strict parser reads it, twice: with CRLF as the only record delimiter (the format's),
 * and with CR and LF also ending a record, as RFC 4180 implies (unquoted text holds neither). Both
 * must agree; a bare line break in an unquoted field gives a short record in the second, which fails.
 */
function readCsv(text: string, options: { delimiter: string; bom: boolean }): string[][] {
  const crlf = parse(text, { ...strict, ...options, record_delimiter: "\r\n" }) as string[][];
  const anyBreak = parse(text, { ...strict, ...options, record_delimiter: ["\r\n", "\n", "\r"] }) as string[][];
  expect(anyBreak).toEqual(crlf);
  return crlf;
}

let registry: Registry;
let files: Map<string, string | Uint8Array>;
/** Every codelist-year JSON export, by its path without the extension, e.g. `codelists/plantype/2023`. */
let years: Map<string, CodelistYearExport>;

beforeAll(async () => {
  registry = (await validateContent(BUNDLED_CONTENT_ROOT)).registry;
  files = new Map([...exportFiles(registry, SITE)].map((f) => [f.path, f.content]));
  years = new Map(
    [...files].filter(([p]) => /^codelists\/[^/]+\/\d{4}\.json$/.test(p)).map(([p, content]) => [p.slice(0, -".json".length), JSON.parse(content as string) as CodelistYearExport]),
  );
}, 120_000);

afterEach(() => {
  vi.useRealTimers();
});

describe("CSV exports read by a strict parser", () => {
  it("every .csv: RFC 4180, CRLF, no BOM, each row equal to the JSON export of the same codelist and year", () => {
    expect(years.size).toBeGreaterThan(30);
    for (const [base, json] of years) {
      const text = files.get(`${base}.csv`) as string;
      expect(text.startsWith("\uFEFF"), base).toBe(false);
      expect(readCsv(text, { delimiter: ",", bom: false }), `${base}.csv`).toEqual([CSV_HEADER, ...json.version.codes.map(csvRow)]);
    }
  });

  it("every .excel.csv: semicolon, BOM, the formula guard, each row equal to the JSON export", () => {
    for (const [base, json] of years) {
      const text = files.get(`${base}.excel.csv`) as string;
      expect(text.startsWith("\uFEFF"), base).toBe(true);
      expect(readCsv(text, { delimiter: ";", bom: true }), `${base}.excel.csv`).toEqual([CSV_HEADER, ...json.version.codes.map((c) => csvRow(c).map(guarded))]);
    }
  });

  it("keeps notes with line breaks in one field: kostra-art 2022 has 5 codes, so 6 records", () => {
    const codes = years.get("codelists/kostra-art/2022")!.version.codes;
    expect(codes.filter((c) => c.notes?.includes("\n")).length).toBeGreaterThan(1);
    expect(readCsv(files.get("codelists/kostra-art/2022.csv") as string, { delimiter: ",", bom: false })).toHaveLength(codes.length + 1);
  });
});

describe("values no bundled codelist has yet", () => {
  // Every character that needs quoting, and cells a spreadsheet would run as formulas.
  const codes: Code[] = [
    { code: "=1+1", name: { nb: 'Med "sitat", komma; semikolon\r\nog CRLF', nn: "Linje\rCR" }, notes: "Linje 1\nLinje 2", shortName: "@SUM(A1)" },
    { code: "-5", name: { nb: "+47 22 00 00 00" }, parent: "=1+1", group: " mellomrom først", notes: "-2+3" },
    { code: "050", name: { nb: "\tTab først" }, status: "deprecated", withdrawnFrom: 2024, selectable: false },
  ];

  it("round-trip through csv-parse at its strictest, the Excel CSV with its formula guard", () => {
    expect(readCsv(codesToCsv(codes), { delimiter: ",", bom: false })).toEqual([CSV_HEADER, ...codes.map(csvRow)]);
    const excel = readCsv(codesToExcelCsv(codes), { delimiter: ";", bom: true });
    expect(excel).toEqual([CSV_HEADER, ...codes.map((c) => csvRow(c).map(guarded))]);
    expect(excel[1][0]).toBe("'=1+1");
    expect(excel[2][0]).toBe("-5");
  });

  it("are written as csv-stringify 6.9 wrote them before csv.ts wrote CSV itself (the 2022 lock holds CSV files), for any text", () => {
    const quoted = [/^\s|\s$/, /[\r\n]/];
    const before = (rows: (string | number)[][]) => stringify([[...CSV_HEADER], ...rows], { record_delimiter: "\r\n", quoted_match: quoted });
    const beforeExcel = (rows: string[][]) => "\uFEFF" + stringify([[...CSV_HEADER], ...rows], { delimiter: ";", record_delimiter: "\r\n", quoted_match: [...quoted, /^'[=+\-@\t\r]/] });
    const text = fc.string({ unit: fc.constantFrom(",", ";", '"', "\r", "\n", " ", "\t", "\u00a0", "\u2028", "'", "=", "+", "-", "@", "a", "0", "."), maxLength: 8 });
    const optional = fc.option(text, { nil: undefined });
    const code = fc.record({ code: text.filter((t) => t !== ""), parent: optional, name: fc.record({ nb: text, nn: optional, en: optional }), shortName: optional, notes: optional, group: optional, status: fc.option(fc.constantFrom("active" as const, "deprecated" as const), { nil: undefined }), withdrawnFrom: fc.option(fc.integer({ min: 1990, max: 2040 }), { nil: undefined }), selectable: fc.option(fc.boolean(), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(code, { maxLength: 4 }), (list) => {
        const cs = list as Code[];
        expect(codesToCsv(cs)).toBe(before(cs.map(csvRow)));
        expect(codesToExcelCsv(cs)).toBe(beforeExcel(cs.map((c) => csvRow(c).map(guarded))));
      }),
      { numRuns: 2000 },
    );
  });

  it("stay text in the spreadsheet: no formula, no number", async () => {
    const entry = { meta: { name: { nb: "Prøve" } }, versions: [] } as unknown as CodelistEntry;
    const bytes = codelistToXlsx(entry, { year: 2030, data: { source: [], codes } as unknown as CodelistVersion });
    const [sheet] = await readXlsxFile(Buffer.from(bytes), { trim: false });
    expect(sheet.data).toEqual([XLSX_HEADER, ...codes.map(xlsxRow)]);
  });
});

describe("the spreadsheet (.xlsx) of each codelist version", () => {
  it("exists for every codelist year and reads back (read-excel-file) as one sheet equal to the JSON export", async () => {
    for (const [base, json] of years) {
      const bytes = files.get(`${base}.xlsx`);
      expect(bytes, `${base}.xlsx`).toBeInstanceOf(Uint8Array);
      const sheets = await readXlsxFile(Buffer.from(bytes as Uint8Array), { trim: false });
      expect(sheets.map((s) => s.sheet), base).toEqual(["Koder"]);
      expect(sheets[0].data, `${base}.xlsx`).toEqual([XLSX_HEADER, ...json.version.codes.map(xlsxRow)]);
    }
  });

  it("gives codes back as the same text: «050» stays 050, «1.1» is no date, «3.10» is not 3.1", async () => {
    const codesIn = async (base: string) => (await readXlsxFile(Buffer.from(files.get(`${base}.xlsx`) as Uint8Array)))[0].data.slice(1).map((r) => r[0]);
    expect(await codesIn("codelists/kostra-art/2022")).toContain("050");
    const tiltak = await codesIn("codelists/tiltak-kategori/2021");
    expect(tiltak).toEqual(expect.arrayContaining(["1.1", "3.10"]));
    expect(tiltak.every((c) => typeof c === "string")).toBe(true);
  });

  it("has text cells in text-formatted columns, a frozen header and the version year as its date", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(files.get("codelists/tiltak-kategori/2021.xlsx") as Uint8Array) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getColumn(1).numFmt).toBe("@");
    expect(sheet.getColumn(2).numFmt).toBe("@");
    expect(sheet.getCell("A2").type).toBe(ExcelJS.ValueType.String);
    // The cells too: a user retyping a code in an existing cell keeps text.
    expect(sheet.getCell("A2").numFmt).toBe("@");
    // An empty value is no cell in the file: the column's format is what a user typing there gets.
    expect(sheet.getCell("B2").value).toBeNull();
    expect(sheet.getCell("B2").numFmt).toBe("@");
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(workbook.created.toISOString()).toBe("2021-01-01T00:00:00.000Z");
    expect(workbook.modified.toISOString()).toBe("2021-01-01T00:00:00.000Z");
  });

  it("is the same bytes whenever it is made: two clocks years apart give identical files", () => {
    const at = (now: string) => {
      vi.useFakeTimers({ now: new Date(now), toFake: ["Date"] });
      const made = [...exportFiles(registry, SITE)].filter((f) => f.path.endsWith(".xlsx"));
      vi.useRealTimers();
      return made;
    };
    const first = at("2031-03-04T05:06:07Z");
    const second = at("2047-11-12T13:14:15Z");
    expect(first.length).toBe(years.size);
    expect(second.map((f) => f.path)).toEqual(first.map((f) => f.path));
    for (const [i, f] of first.entries()) expect(Buffer.compare(Buffer.from(second[i].content), Buffer.from(f.content)), f.path).toBe(0);
  });

  it("is written as bytes to disk, with the SHA-256 index.json gives it", async () => {
    const out = tempDir("xlsx");
    await writeExports(registry, out, SITE);
    const api = join(out, "api", "v1");
    const index = JSON.parse(readFileSync(join(api, "index.json"), "utf8")) as IndexExport;
    const listed = index.resources.flatMap((r) => r.files).filter((f) => f.format === "xlsx");
    expect(listed.length).toBe(years.size);
    for (const f of listed) {
      const bytes = readFileSync(join(api, f.url.slice("/api/v1/".length)));
      expect(sha256(bytes), f.url).toBe(f.sha256);
      expect(Buffer.compare(bytes, Buffer.from(files.get(f.url.slice("/api/v1/".length)) as Uint8Array)), f.url).toBe(0);
    }
  });
});
