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

describe("WCAG 2.1 AA (axe-core) on one page of every template", () => {
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
