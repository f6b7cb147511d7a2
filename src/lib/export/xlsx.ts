import type { CodelistEntry, Version } from "../model/registry.ts";
import type { Code, CodelistVersion } from "../schema/index.ts";
import { CSV_COLUMNS, type CsvColumn } from "./csv.ts";
import { APP, CONTENT_TYPES, PACKAGE_RELS, STYLES, THEME, WORKBOOK, WORKBOOK_RELS } from "./xlsx-parts.ts";
import { zip, type ZipEntry } from "./zip.ts";

type Cell = string | number | boolean | null;

/** The cell formats of `STYLES` (xlsx-parts.ts) a cell or column refers to. */
const STYLE = { text: 1, wrapped: 2, other: 3, heading: 4 } as const;

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

const CELLS = CSV_COLUMNS.map((k) => COLUMNS[k].cell);
/** Text columns are formatted as text (`@`), so what the user types there stays text; notes wrap. */
const COLUMN_STYLES = CSV_COLUMNS.map((k) => (k === "notes" ? STYLE.wrapped : COLUMNS[k].text ? STYLE.text : STYLE.other));
/** A1-style column letters (A … Z: the sheet has fewer than 27 columns). */
const LETTERS = CSV_COLUMNS.map((_, i) => String.fromCharCode(65 + i));
const LAST = LETTERS[LETTERS.length - 1];

/** Longest line of a cell's text, in UTF-16 units. */
function longestLine(v: Cell): number {
  if (v === null) return 0;
  const s = String(v);
  let longest = 0;
  let start = 0;
  for (let nl = s.indexOf("\n"); nl !== -1; nl = s.indexOf("\n", start)) {
    if (nl - start > longest) longest = nl - start;
    start = nl + 1;
  }
  return Math.max(longest, s.length - start);
}

/** Width in characters: the longest line of the heading or a cell, within bounds a screen can show. */
const width = (longest: number) => Math.min(Math.max(longest + 2, 8), 60);

const XML_SPECIAL = /["&'<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** XML text and attribute values: the five entities escaped, control characters XML cannot hold dropped. */
function xmlText(s: string): string {
  if (!XML_SPECIAL.test(s)) return s;
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let entity: string;
    if (c === 34) entity = "&quot;";
    else if (c === 38) entity = "&amp;";
    else if (c === 39) entity = "&apos;";
    else if (c === 60) entity = "&lt;";
    else if (c === 62) entity = "&gt;";
    else if (c === 127 || (c <= 31 && c !== 9 && c !== 10 && c !== 13)) entity = "";
    else continue;
    out += s.slice(from, i) + entity;
    from = i + 1;
  }
  return out + s.slice(from);
}

/** A shared string (`<si>`): whitespace at either end or a line break is kept as written. */
const sharedString = (s: string) => (/^\s|\n|\s$/.test(s) ? `<si><t xml:space="preserve">${xmlText(s)}</t></si>` : `<si><t>${xmlText(s)}</t></si>`);

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * A spreadsheet of one codelist version, for people working in Excel, LibreOffice or Numbers: one
 * sheet "Koder", a frozen header row with filters, a row per code in the source's order, columns as
 * wide as their longest line. Code and text columns are text cells (shared strings) in columns
 * formatted as text (`@`). The same version gives the same bytes: the workbook is dated 1 January of
 * the version year and zipped with fixed timestamps (zip.ts). Only the sheet, its strings and the
 * document's title and dates depend on the version; the other parts are constants (xlsx-parts.ts).
 */
export function codelistToXlsx(entry: CodelistEntry, version: Version<CodelistVersion>): Uint8Array {
  return zip(xlsxParts(entry, version), version.year);
}

/** The parts of `codelistToXlsx`'s spreadsheet, in the order zipped. */
export function xlsxParts(entry: CodelistEntry, version: Version<CodelistVersion>): ZipEntry[] {
  const codes = version.data.codes;
  const strings = new Map<string, number>();
  const stringList: string[] = [];
  let stringCells = 0;
  const stringIndex = (s: string) => {
    stringCells++;
    let i = strings.get(s);
    if (i === undefined) {
      strings.set(s, (i = stringList.length));
      stringList.push(s);
    }
    return i;
  };
  const longest = XLSX_HEADINGS.map((h) => h.length);

  // Rows and cells carry only what a reader needs: an empty value is no cell (its column gives it
  // the text format), and rows have no `spans` or height hints. exceljs wrote both, and they were
  // half of the sheet's bytes at KOSTRA scale, most of what the zip deflated.
  const rows: string[] = [`<row r="1">`];
  XLSX_HEADINGS.forEach((h, i) => rows.push(`<c r="${LETTERS[i]}1" s="${STYLE.heading}" t="s"><v>${stringIndex(h)}</v></c>`));
  rows.push("</row>");
  for (let r = 0; r < codes.length; r++) {
    const n = r + 2;
    rows.push(`<row r="${n}">`);
    for (let i = 0; i < CELLS.length; i++) {
      const v = CELLS[i](codes[r]);
      if (v === null) continue;
      const at = `<c r="${LETTERS[i]}${n}" s="${COLUMN_STYLES[i]}"`;
      if (typeof v === "string") rows.push(`${at} t="s"><v>${stringIndex(v)}</v></c>`);
      else if (typeof v === "boolean") rows.push(`${at} t="b"><v>${v ? 1 : 0}</v></c>`);
      else rows.push(`${at}><v>${v}</v></c>`);
      const l = longestLine(v);
      if (l > longest[i]) longest[i] = l;
    }
    rows.push("</row>");
  }

  // Neighbouring columns of the same width and format are one <col> element.
  const cols: string[] = [];
  for (let i = 0; i < CELLS.length; ) {
    let j = i;
    while (j + 1 < CELLS.length && width(longest[j + 1]) === width(longest[i]) && COLUMN_STYLES[j + 1] === COLUMN_STYLES[i]) j++;
    cols.push(`<col min="${i + 1}" max="${j + 1}" width="${width(longest[i])}" style="${COLUMN_STYLES[i]}" customWidth="1"/>`);
    i = j + 1;
  }

  const sheet =
    `${XML_DECLARATION}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
    `<dimension ref="A1:${LAST}${codes.length + 1}"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0" x14ac:dyDescent="55"/><cols>${cols.join("")}</cols><sheetData>${rows.join("")}</sheetData>` +
    `<autoFilter ref="A1:${LAST}1"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup orientation="portrait" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="1" fitToHeight="1"/></worksheet>`;
  const sharedStrings = `${XML_DECLARATION}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${stringCells}" uniqueCount="${stringList.length}">${stringList.map(sharedString).join("")}</sst>`;

  const dated = `${version.year}-01-01T00:00:00Z`;
  const title = xmlText(`${entry.meta.name.nb}, versjon fra rapporteringsår ${version.year}`);
  const core =
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>KOSTRA-registeret</dc:creator><dc:title>${title}</dc:title><dc:subject></dc:subject><dc:description></dc:description><cp:keywords></cp:keywords><cp:category></cp:category><cp:lastModifiedBy>KOSTRA-registeret</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${dated}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${dated}</dcterms:modified></cp:coreProperties>`;

  // The order exceljs 4.4 zipped its parts in, which the spreadsheets had before (xlsx-parts.ts).
  return [
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "_rels/.rels", data: PACKAGE_RELS },
    { name: "xl/_rels/workbook.xml.rels", data: WORKBOOK_RELS },
    { name: "xl/worksheets/sheet1.xml", data: sheet },
    { name: "xl/sharedStrings.xml", data: sharedStrings },
    { name: "xl/theme/theme1.xml", data: THEME },
    { name: "xl/styles.xml", data: STYLES },
    { name: "docProps/app.xml", data: APP },
    { name: "docProps/core.xml", data: core },
    { name: "xl/workbook.xml", data: WORKBOOK },
  ];
}
