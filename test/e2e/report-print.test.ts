import { describe, expect, it } from "vitest";
import { useBuiltSite } from "./browser.ts";

const site = useBuiltSite();

describe("the generated annual report in print", () => {
  it("prints to A4 pages from Chromium, with the site's navigation left out", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/arbeidsgrupper/barnevern/rapport/2023/`);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
    const boxes = [...pdf.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes.length).toBeGreaterThan(1);
    expect(boxes.length).toBeLessThanOrEqual(12);
    // A4 is 595 × 842 points.
    for (const [w, h] of boxes) {
      expect(Math.round(w)).toBe(595);
      expect(Math.round(h)).toBe(842);
    }
  });
});
