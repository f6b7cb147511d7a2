import type { Code } from "../schema/index.ts";
import { escapeAttribute as attr, escapeText as text } from "./html-escape.ts";

/** One row of a code table: the code, the group it opens (if any) and its indentation. */
export interface CodeRow {
  c: Code;
  groupStart?: string;
  indent: number;
}

/**
 * The rows of a code table (`CodeTable.astro`) as one string of HTML, the same bytes the template
 * made row by row: a table page holds 500 codes, and 8,800 such pages at KOSTRA scale spent a
 * fifth of the page phase in the renderer's per-element work.
 */
export function codeRowsHtml(rows: readonly CodeRow[], hasNotes: boolean): string {
  let html = "";
  for (const { c, groupStart, indent } of rows) {
    if (groupStart) html += `<tr><th scope="rowgroup" colspan="${hasNotes ? 4 : 3}">${text(groupStart)}</th></tr>`;
    html += `<tr id="${attr(`kode-${c.code}`)}"><td class="${attr(`code indent-${indent}`)}" data-label="Kode">${text(c.code)}</td><td data-label="Navn">`;
    html += c.selectable === false ? `<strong>${text(c.name.nb)}</strong>` : text(c.name.nb);
    if (c.name.nn) html += `<div class="muted" lang="nn">${text(c.name.nn)}</div>`;
    if (c.name.en) html += `<div class="muted" lang="en">${text(c.name.en)}</div>`;
    html += "</td>";
    if (hasNotes) html += `<td class="pre-line" data-label="Merknad">${c.notes ? text(c.notes) : ""}</td>`;
    const status = c.status === "deprecated" ? `<span class="ds-tag badge" data-color="warning">Utgår fra ${c.withdrawnFrom ?? ""}</span>` : c.selectable === false ? '<span class="muted">Gruppe</span>' : "Gyldig";
    html += `<td data-label="Status">${status}</td></tr>`;
  }
  return html;
}
