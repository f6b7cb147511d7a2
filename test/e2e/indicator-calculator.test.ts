import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { buildSite } from "../build-site.ts";
import { launch, serve } from "./browser.ts";

let browser: Browser;
let site: Awaited<ReturnType<typeof serve>>;
let page: Page;

beforeAll(async () => {
  site = await serve(buildSite());
  browser = await launch();
  page = await browser.newPage();
  await page.goto(`${site.url}/indikatorer/andel-barn-med-barnevernstiltak-0-24/`);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
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
