import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useBuiltSite } from "./browser.ts";

const site = useBuiltSite();

const REPORT = "/arbeidsgrupper/barnevern/rapport/2023/";

/** A4's content box as `@page` sets it in global.css (210 mm less 2 × 16 mm), in CSS pixels (96 per inch). */
const CONTENT_WIDTH = Math.floor(((210 - 2 * 16) / 25.4) * 96);

/**
 * What would print badly, measured with print media on a page as wide as A4's content box: a table
 * wider than the page, a header cell that could only show its words by breaking one (the cell is
 * measured with mid-word breaks turned off), and text that spills out of its cell over the next one
 * (field names over the «Hva» text).
 */
function printProblems(page: Page, width: number): Promise<string[]> {
  return page.evaluate((width) => {
    const problems: string[] = [];
    const name = (e: Element) => `${e.tagName.toLowerCase()} «${(e.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40)}»`;
    if (document.documentElement.scrollWidth > width) problems.push(`page ${document.documentElement.scrollWidth} px wide`);
    for (const table of document.querySelectorAll("table")) {
      if (!table.getClientRects().length) continue;
      const box = table.getBoundingClientRect();
      if (box.right > width + 0.5 || box.left < -0.5) problems.push(`${name(table)} spans ${Math.round(box.left)}–${Math.round(box.right)} px of ${width}`);
      for (const th of table.querySelectorAll<HTMLElement>("th")) {
        if (!th.getClientRects().length) continue;
        const saved = th.getAttribute("style");
        th.style.cssText += ";hyphens:none;word-break:normal;overflow-wrap:normal";
        if (th.scrollWidth > th.clientWidth + 1) problems.push(`${name(th)} breaks mid-word (${th.scrollWidth} px of words in ${th.clientWidth} px)`);
        if (saved === null) th.removeAttribute("style");
        else th.setAttribute("style", saved);
      }
      for (const cell of table.querySelectorAll("td, th")) {
        if (!cell.getClientRects().length) continue;
        const outer = cell.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(cell);
        const spill = [...range.getClientRects()].find((r) => r.width > 0 && (r.right > outer.right + 0.5 || r.left < outer.left - 0.5));
        if (spill) problems.push(`${name(cell)}: text runs ${Math.round(spill.right - outer.right)} px out of its cell`);
      }
    }
    return problems;
  }, width);
}

describe("the generated annual report in print", () => {
  it("prints to A4 pages from Chromium, with the site's navigation left out", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}${REPORT}`);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
    const boxes = [...pdf.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes.length).toBeGreaterThan(1);
    // A4 is 595 × 842 points.
    for (const [w, h] of boxes) {
      expect(Math.round(w)).toBe(595);
      expect(Math.round(h)).toBe(842);
    }
    await page.close();
  });

  it("fits A4's width: no table wider than the page, no header broken mid-word, no text over the next cell", async () => {
    const page = await site.browser.newPage({ viewport: { width: CONTENT_WIDTH, height: 1100 } });
    await page.goto(`${site.url}${REPORT}`);
    await page.emulateMedia({ media: "print" });
    // The report has change tables, the ones that printed badly.
    expect(await page.locator("table.changes").count()).toBeGreaterThan(0);
    expect(await printProblems(page, CONTENT_WIDTH)).toEqual([]);
    await page.close();
  });
});
