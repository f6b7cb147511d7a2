import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useBuiltSite } from "./browser.ts";
import { TEMPLATES } from "./templates.ts";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");



const site = useBuiltSite();

async function axe(page: Page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  });
}

// Pages at once: each test has a browser context of its own, and most of a page's time is waiting.
describe.concurrent("WCAG 2.1 AA (axe-core) on one page of every template", () => {
  for (const path of TEMPLATES) {
    it(`${path} has no violations`, async () => {
      // axe is injected as a script, which the site's CSP rightly refuses; the audit context bypasses it.
      const context = await site.browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${site.url}${path}`);
      if (path.startsWith("/sok/")) await page.waitForSelector("#search-results li");
      expect(await axe(page)).toEqual([]);
      await context.close();
    });
  }
});

describe("stacked tables on a phone stay tables to screen readers", () => {
  // At 390 px change, code and record tables are shown as blocks (labelled lines); measured here,
  // Chromium keeps them tables with their rows and cells, and this keeps it so.
  for (const path of ["/endringer/2022-2023/", "/kodelister/plantype/2023/", "/skjema/55f/2025/"]) {
    it(`${path}: every stacked table is a table with its rows and cells in Chromium's accessibility tree, and axe finds nothing`, async () => {
      const context = await site.browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(`${site.url}${path}`);
      const dom = await page.evaluate(() => {
        const tables = [...document.querySelectorAll("table.stack")];
        // Empty cells are hidden on a phone (display: none), and rightly absent from the tree.
        const shown = (selector: string) => tables.reduce((n, t) => n + [...t.querySelectorAll(selector)].filter((e) => getComputedStyle(e).display !== "none").length, 0);
        return { tables: tables.length, rows: shown("tr"), cells: shown("td"), block: tables.every((t) => getComputedStyle(t).display === "block") };
      });
      expect(dom.tables).toBeGreaterThan(0);
      expect(dom.block).toBe(true);
      const cdp = await context.newCDPSession(page);
      const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: { ignored: boolean; role?: { value: string } }[] };
      const count = (role: string) => nodes.filter((n) => !n.ignored && n.role?.value === role).length;
      expect(count("table")).toBeGreaterThanOrEqual(dom.tables);
      expect(count("row")).toBeGreaterThanOrEqual(dom.rows);
      expect(count("cell") + count("gridcell")).toBeGreaterThanOrEqual(dom.cells);
      expect(await axe(page)).toEqual([]);
      await context.close();
    });
  }
});
