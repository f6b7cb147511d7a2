import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES } from "../helpers.ts";
import { launch } from "./browser.ts";

/**
 * The review's Markdown as a reviewer reads it in a pull-request comment: each pinned report
 * (test/fixtures/review/*.md) rendered with markdown-it (HTML allowed: the report folds each year's
 * changes into <details>) and laid out in Chromium on a phone (390 px) and a desktop (1280 px), with
 * no stylesheet of the host's, so nothing is rescued by a host's table scrolling.
 */
const DIR = join(FIXTURES, "review");
const REPORTS = readdirSync(DIR).filter((f) => f.endsWith(".md")).sort();
const WIDTHS = [390, 1280];
const md = new MarkdownIt({ html: true });

const htmlOf = (markdown: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head><body>${md.render(markdown)}</body></html>`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

describe("the review's Markdown, rendered and laid out", () => {
  it("has pinned reports to read", () => {
    expect(REPORTS.length).toBeGreaterThanOrEqual(4);
  });

  for (const name of REPORTS) {
    for (const width of WIDTHS) {
      it(`${name} at ${width} px: fits, summary first, every <details> opens, no Markdown left`, async () => {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        try {
          await page.setContent(htmlOf(readFileSync(join(DIR, name), "utf8")));

          // Nothing wider than the viewport: the page itself never scrolls sideways, folded or open.
          const overflow = () =>
            page.evaluate((w) => {
              const wide: string[] = [];
              if (document.documentElement.scrollWidth > w) wide.push(`page ${document.documentElement.scrollWidth} px`);
              for (const e of document.body.querySelectorAll("*")) {
                if (!e.getClientRects().length) continue;
                const r = e.getBoundingClientRect();
                if (r.right > w + 0.5) wide.push(`${e.tagName.toLowerCase()} «${(e.textContent ?? "").trim().slice(0, 40)}» to ${Math.round(r.right)} px`);
              }
              return wide.slice(0, 5);
            }, width);
          expect(await overflow()).toEqual([]);

          // The summary table (per audience) is visible, and comes before any <details>.
          const summary = page.locator("table").first();
          await expect.poll(() => summary.isVisible()).toBe(true);
          expect(await summary.locator("th").allTextContents()).toEqual(["audience", "breaking", "compatible", "label-only", "none"]);
          const summaryFirst = await page.evaluate(() => {
            const table = document.querySelector("table")!;
            const details = document.querySelector("details");
            return !details || (table.compareDocumentPosition(details) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
          });
          expect(summaryFirst).toBe(true);

          // Each <details> opens on a click on its summary, and shows its table of changes.
          const details = page.locator("details");
          const count = await details.count();
          for (let i = 0; i < count; i++) {
            const d = details.nth(i);
            expect(await d.evaluate((e) => (e as HTMLDetailsElement).open)).toBe(false);
            await d.locator("summary").click();
            expect(await d.evaluate((e) => (e as HTMLDetailsElement).open)).toBe(true);
            const inner = d.locator("table, ul, p").first();
            if (await inner.count()) expect(await inner.isVisible()).toBe(true);
          }
          // Opened, still nothing wider than the viewport.
          expect(await overflow()).toEqual([]);

          // No raw Markdown left in the text a reader sees.
          const text = await page.evaluate(() => document.body.innerText);
          for (const raw of ["|---", "| ---", "**", "](", "<details", "<summary"]) expect(text, `«${raw}» in the text`).not.toContain(raw);
          expect(text).not.toMatch(/^\s*\|.*\|\s*$/m);
        } finally {
          await page.close();
        }
      });
    }
  }
});
