import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useBuiltSite } from "./browser.ts";

const site = useBuiltSite();
let page: Page;

beforeAll(async () => {
  page = await site.browser.newPage();
  await page.goto(`${site.url}/indikatorer/andel-barn-med-barnevernstiltak-0-24/`);
});

const result = () => page.locator("form[data-indicator-calculator] output").textContent();

describe("the indicator calculator in Chromium", () => {
  it("shows the formula as MathML", async () => {
    expect(await page.locator("math mfrac").count()).toBeGreaterThan(0);
  });

  it("shows a suppressed value for a count of 3", async () => {
    await page.locator('input[name="A"]').fill("3");
    await page.locator('input[name="B"]').fill("1200");
    await expect.poll(result).toBe("Prikket: A er 3, og tall på 3 eller færre vises ikke");
  });

  it("shows a number for a count of 4", async () => {
    await page.locator('input[name="A"]').fill("4");
    await expect.poll(result).toBe("0,3");
  });
});
