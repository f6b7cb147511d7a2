import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { useBuiltSite } from "./browser.ts";
import { TEMPLATES } from "./templates.ts";

// One build for the whole file.
const site = useBuiltSite();

/** The widths the registry is read at: a phone and a desktop window. */
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
];

/** What is too wide on one page at one width, in words that say what to fix; empty when it fits. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const problems: string[] = [];
    const name = (e: Element) => {
      const cls = typeof e.className === "string" && e.className ? `.${e.className.trim().split(/\s+/).join(".")}` : "";
      return `${e.tagName.toLowerCase()}${cls} «${(e.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40)}»`;
    };
    const width = document.documentElement.scrollWidth;
    if (width > viewport) {
      // The innermost elements that reach past the screen, outside deliberately scrolling boxes.
      const culprits = [...document.querySelectorAll("body *")]
        .filter((e) => !e.closest("pre, .table-wrap") && e.getBoundingClientRect().right > viewport + 0.5 && ![...e.children].some((c) => c.getBoundingClientRect().right > viewport + 0.5))
        .slice(0, 3)
        .map((e) => `${name(e)} to ${Math.round(e.getBoundingClientRect().right)} px`);
      problems.push(`page ${width} px wide: ${culprits.join("; ")}`);
    }
    const scrolls = (e: Element) => ["auto", "scroll"].includes(getComputedStyle(e).overflowX);
    const clips = (e: Element) => getComputedStyle(e).overflowX !== "visible";
    for (const table of document.querySelectorAll("table")) {
      if (!table.getClientRects().length) continue;
      const box = table.getBoundingClientRect();
      let container: Element | null = table.parentElement;
      while (container && container !== document.body && !clips(container)) container = container.parentElement;
      const scroller = container && container !== document.body ? container : null;
      if (scroller) {
        const outer = scroller.getBoundingClientRect();
        if (outer.right > viewport + 0.5) problems.push(`${name(scroller)} around ${name(table)} reaches ${Math.round(outer.right)} px`);
        const inner = scroller.clientWidth;
        if (box.width > inner + 0.5) {
          // Wider than its box: cut, unless the box scrolls on purpose (only where a phone cannot show it whole).
          if (!scrolls(scroller)) problems.push(`${name(table)} ${Math.round(box.width)} px cut by ${name(scroller)} ${inner} px`);
          else if (viewport > 900) problems.push(`${name(table)} ${Math.round(box.width)} px scrolls inside ${inner} px at ${viewport} px`);
          else if (!scroller.matches(".table-wrap[tabindex='0']")) problems.push(`${name(table)} ${Math.round(box.width)} px scrolls in ${name(scroller)}, which is no focusable .table-wrap`);
        }
      } else if (box.right > viewport + 0.5 || box.left < -0.5) {
        problems.push(`${name(table)} spans ${Math.round(box.left)}–${Math.round(box.right)} px`);
      }
      // A table whose rows are stacked (a phone, a narrow column) must fit whole, and label every cell it shows.
      const row = table.querySelector("tbody > tr");
      if (row && getComputedStyle(row).display === "block") {
        if (box.width > (table.parentElement?.clientWidth ?? viewport) + 0.5) problems.push(`stacked ${name(table)} ${Math.round(box.width)} px wider than its column`);
        for (const cell of table.querySelectorAll("tbody > tr > td")) {
          if (!cell.getClientRects().length) continue;
          if (!cell.getAttribute("data-label")) problems.push(`stacked ${name(table)}: a cell without data-label: ${name(cell)}`);
          else if (!(cell.textContent ?? "").trim() && !cell.querySelector("input, output, select, img, svg")) problems.push(`stacked ${name(table)}: blank cell «${cell.getAttribute("data-label")}» shown`);
        }
      }
      // A cell whose content spills past it hides a column's text (e.g. links in a last column).
      for (const cell of table.querySelectorAll("th, td")) {
        if (cell.scrollWidth > cell.clientWidth + 1 && getComputedStyle(cell).overflowX !== "visible") problems.push(`${name(cell)} cut: ${cell.scrollWidth} px content in ${cell.clientWidth} px`);
      }
    }
    // The heading fits: no word of an H1 runs past its box (a meeting's title at 390 px was cut).
    for (const h1 of document.querySelectorAll("h1")) {
      if (h1.scrollWidth > h1.clientWidth + 1 || h1.getBoundingClientRect().right > viewport + 0.5) problems.push(`${name(h1)} cut: ${h1.scrollWidth} px of heading in ${h1.clientWidth} px`);
    }
    // A caption of a table that scrolls sideways stays inside the visible box, its words whole.
    for (const caption of document.querySelectorAll(".table-wrap > table > caption")) {
      if (!caption.getClientRects().length) continue;
      const wrap = caption.closest(".table-wrap")!.getBoundingClientRect();
      const box = caption.getBoundingClientRect();
      if (box.right > wrap.right + 0.5 || caption.scrollWidth > caption.clientWidth + 1) problems.push(`${name(caption)} reaches ${Math.round(box.right)} px in a box ending at ${Math.round(wrap.right)} px`);
    }
    // A fieldset (form 8's sections) holds what is in it: nothing sticks out of its border.
    for (const fieldset of document.querySelectorAll("fieldset")) {
      if (!fieldset.getClientRects().length) continue;
      const right = fieldset.getBoundingClientRect().right;
      const out = [...fieldset.querySelectorAll(":scope > *")].find((e) => e.getClientRects().length && e.getBoundingClientRect().right > right + 0.5);
      if (out) problems.push(`${name(out)} sticks out of ${name(fieldset)} to ${Math.round(out.getBoundingClientRect().right)} px (border at ${Math.round(right)} px)`);
    }
    return problems;
  });
}

/** Every template once (the 404 page among them), the sources' pages and the longest code list. */
const LAYOUT_PATHS = [...TEMPLATES, "/kilder/", "/kilder/001/", "/skjema/regnskap/", "/kodelister/kostra-art/2023/"];

async function measure(browser: Browser, base: string, paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    for (const path of paths) {
      const response = await page.goto(`${base}${path}`);
      expect(response?.status(), path).toBe(200);
      for (const problem of await layoutProblems(page)) found.push(`${viewport.width} px ${path}: ${problem}`);
    }
    await context.close();
  }
  return found;
}

describe("layouts that fit", () => {
  it("no page of any template is wider than the screen at 390 px or 1280 px, and no table is cut", async () => {
    expect(await measure(site.browser, site.url, LAYOUT_PATHS)).toEqual([]);
  }, 300_000);
});
