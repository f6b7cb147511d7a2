import type { SearchRecord } from "./records.ts";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * A record as a tiny HTML document, so that its title (a field and its label) weighs most. Codes
 * are headings with the id of their row: pagefind returns them as sub-results, each a hit.
 */
export function recordHtml(r: SearchRecord): string {
  const filters = Object.entries(r.filters).flatMap(([k, vs]) => vs.map((v) => `<span data-pagefind-filter="${k}">${escape(v)}</span>`)).join("");
  const hidden = `<div hidden data-pagefind-ignore><span data-pagefind-meta="type">${escape(r.meta.type)}</span><span data-pagefind-meta="title">${escape(r.meta.title)}</span>${r.sections ? '<span data-pagefind-meta="sections">ja</span>' : ""}${r.meta.years ? `<span data-pagefind-meta="years">${escape(r.meta.years)}</span>` : ""}${r.meta.grouping ? '<span data-pagefind-meta="grouping">ja</span>' : ""}${filters}</div>`;
  const body = r.sections
    ? `<p>${escape(r.content)}</p>${r.sections.map((c) => `<h2 id="${escape(c.id)}" data-pagefind-weight="10">${escape(c.title)}</h2>${c.text ? `<p>${escape(c.text)}</p>` : ""}`).join("")}`
    : `<h1 data-pagefind-weight="${r.weight ?? 10}">${escape(r.heading ?? r.meta.title)}</h1><p>${escape(r.content)}</p>`;
  return `<html lang="nb"><body><main data-pagefind-body>${body}${hidden}</main></body></html>`;
}
