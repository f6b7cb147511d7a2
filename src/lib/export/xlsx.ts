import ExcelJS from "exceljs";
import type { CodelistEntry, Version } from "../model/registry.ts";
import type { Code, CodelistVersion } from "../schema/index.ts";
import { CSV_COLUMNS, type CsvColumn } from "./csv.ts";
import { zip, type ZipEntry } from "./zip.ts";

type Cell = string | number | boolean | null;

/**
 * Each CSV column under a Norwegian heading (docs/api.md lists them), with its cell. Text stays text
 * (`"050"`, `"1.1"`, `"3.10"` would otherwise become 50, 1 January and 3.1); the year a code is
 * withdrawn is a number and "can be selected" a boolean, as in the JSON. No value is an empty cell.
 */
const COLUMNS: Record<CsvColumn, { heading: string; cell: (c: Code) => Cell; text: boolean }> = {
  code: { heading: "Kode", cell: (c) => c.code, text: true },
  parentCode: { heading: "Overordnet kode", cell: (c) => c.parent ?? null, text: true },
  name: { heading: "Navn (bokmål)", cell: (c) => c.name.nb, text: true },
  nameNn: { heading: "Navn (nynorsk)", cell: (c) => c.name.nn ?? null, text: true },
  nameEn: { heading: "Navn (engelsk)", cell: (c) => c.name.en ?? null, text: true },
  shortName: { heading: "Kortnavn", cell: (c) => c.shortName ?? null, text: true },
  notes: { heading: "Merknad", cell: (c) => c.notes ?? null, text: true },
  status: { heading: "Status", cell: (c) => c.status ?? "active", text: true },
  withdrawnFrom: { heading: "Utgår fra (rapporteringsår)", cell: (c) => c.withdrawnFrom ?? null, text: false },
  selectable: { heading: "Kan velges", cell: (c) => c.selectable !== false, text: false },
  group: { heading: "Gruppe", cell: (c) => c.group ?? null, text: true },
};

/** The spreadsheet's headings, in the CSV's column order. */
export const XLSX_HEADINGS: readonly string[] = CSV_COLUMNS.map((k) => COLUMNS[k].heading);

/** Width in characters: the longest line of the heading or a cell, within bounds a screen can show. */
function width(heading: string, cells: readonly Cell[]): number {
  const longest = Math.max(heading.length, ...cells.map((v) => (v === null ? 0 : Math.max(...String(v).split("\n").map((l) => l.length)))));
  return Math.min(Math.max(longest + 2, 8), 60);
}

/**
 * A spreadsheet of one codelist version, for people working in Excel, LibreOffice or Numbers: one
 * sheet, a frozen header row with filters, a row per code in the source's order. Code and text
 * columns are text cells in columns formatted as text (`@`), so what the user types there stays text
 * too. The same version gives the same bytes: the workbook is dated 1 January of the version year
 * and zipped with fixed timestamps (zip.ts).
 */
export function codelistToXlsx(entry: CodelistEntry, version: Version<CodelistVersion>): Uint8Array {
  const workbook = new ExcelJS.Workbook();
  const dated = new Date(Date.UTC(version.year, 0, 1));
  workbook.created = dated;
  workbook.modified = dated;
  workbook.creator = "KOSTRA-registeret";
  workbook.lastModifiedBy = "KOSTRA-registeret";
  workbook.title = `${entry.meta.name.nb}, versjon fra rapporteringsår ${version.year}`;

  const sheet = workbook.addWorksheet("Koder", { views: [{ state: "frozen", ySplit: 1 }] });
  const rows = version.data.codes.map((c) => CSV_COLUMNS.map((k) => COLUMNS[k].cell(c)));
  // One style object per kind, set on every cell of that kind and on its column (for cells the user
  // adds). exceljs recognises a style object it has seen by identity; the copy of the column's style
  // it gives each new cell is serialised again for every cell, most of the time for a long list. So
  // cells get styles only here, and no cell, row or column style setter is used after (it would
  // change the object, so every cell sharing it).
  const top = { vertical: "top" } as const;
  const styles = {
    heading: { numFmt: "@", font: { bold: true }, alignment: top },
    text: { numFmt: "@", alignment: top },
    wrapped: { numFmt: "@", alignment: { ...top, wrapText: true } },
    other: { alignment: top },
  } satisfies Record<string, Partial<ExcelJS.Style>>;
  const columnStyles = CSV_COLUMNS.map((k) => (k === "notes" ? styles.wrapped : COLUMNS[k].text ? styles.text : styles.other));
  sheet.addRow([...XLSX_HEADINGS]).eachCell((cell) => (cell.style = styles.heading));
  for (const values of rows) {
    const row = sheet.addRow(values);
    columnStyles.forEach((style, i) => (row.getCell(i + 1).style = style));
  }
  // After the rows, so that no cell gets a copy of its column's style.
  sheet.columns = CSV_COLUMNS.map((k, i) => ({ key: k, width: width(COLUMNS[k].heading, rows.map((r) => r[i])), style: columnStyles[i] }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: CSV_COLUMNS.length } };
  return zip(xlsxParts(workbook), version.year);
}

/** The parts sink exceljs's XLSX writer appends to (its ZipStream.ZipWriter's `append`). */
interface PartSink {
  append(data: string | Uint8Array, options: { name: string; base64?: boolean }): void;
}

/** The steps of exceljs 4's `XLSX.write`, which it does not type: each renders parts synchronously. */
interface XlsxSteps {
  prepareModel(model: object, options: object): void;
  [step: `add${string}`]: (sink: PartSink, model: object) => unknown;
}

/** The parts every workbook of ours has: it has strings (the headings) and one sheet. */
const REQUIRED_PARTS = ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/theme/theme1.xml", "xl/styles.xml", "docProps/app.xml", "docProps/core.xml", "xl/workbook.xml"];

const STEPS = ["addContentTypes", "addOfficeRels", "addWorkbookRels", "addWorksheets", "addSharedStrings", "addDrawings", "addTables", "addThemes", "addStyles", "addApp", "addCore", "addWorkbook"] as const;

/**
 * The workbook's parts, rendered by exceljs, in the order its own writer zips them. exceljs's public
 * `writeBuffer` is asynchronous only because of its zip library (JSZip), which stamps every entry
 * with the time of writing; the export generator is synchronous and must give the same bytes every
 * build. So the rendering steps of `XLSX.write` (exceljs 4.4, lib/xlsx/xlsx.js) run here one by one
 * into a sink, and zip.ts packs the parts. The steps are async functions whose work is synchronous:
 * every part is appended before each returns. Media, the one asynchronous step, is never added.
 */
function xlsxParts(workbook: ExcelJS.Workbook): ZipEntry[] {
  const writer = workbook.xlsx as unknown as XlsxSteps;
  const missing = ["prepareModel", ...STEPS].filter((s) => typeof (writer as unknown as Record<string, unknown>)[s] !== "function");
  if (missing.length) throw new Error(`exceljs no longer has the XLSX writer steps ${missing.join(", ")}: src/lib/export/xlsx.ts follows exceljs 4.4's lib/xlsx/xlsx.js`);
  const parts: ZipEntry[] = [];
  const sink: PartSink = {
    append(data, { name, base64 }) {
      parts.push({ name, data: typeof data === "string" ? Buffer.from(data, base64 ? "base64" : "utf8") : data });
    },
  };
  const model = workbook.model;
  writer.prepareModel(model, {});
  // A step that failed rejects its promise (an unhandled rejection, which ends the process) and
  // leaves its part out, which the check below reports at once.
  for (const step of STEPS) void writer[step](sink, model);
  const names = new Set(parts.map((p) => p.name));
  const absent = REQUIRED_PARTS.filter((n) => !names.has(n));
  if (absent.length) throw new Error(`exceljs rendered no ${absent.join(", ")}`);
  return parts;
}
