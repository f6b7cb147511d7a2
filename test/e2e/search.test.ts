import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useBuiltSite } from "./browser.ts";

// Small parts, so that every search here runs across an index written in several parts and merged.
const site = useBuiltSite({ KOSTRA_SEARCH_PAGES_PER_PART: "25", KOSTRA_SEARCH_RECORDS_PER_PART: "150" });
let page: Page;

beforeAll(async () => {
  page = await site.browser.newPage();
});

const titles = () => page.locator("#search-results li > a").allTextContents();

describe("search in Chromium", () => {
  it("finds the tiltak codelist's code 2.3 first for «spesialiserte fosterhjem», typed as a code", async () => {
    await page.goto(`${site.url}/sok/?q=spesialiserte%20fosterhjem`);
    await expect.poll(titles).toContain("2.3 Spesialiserte fosterhjem");
    expect((await titles())[0]).toBe("2.3 Spesialiserte fosterhjem");
    expect(await page.locator("#search-results li .result-type").first().textContent()).toBe("Kode i Tiltakskategori");
    expect((await titles()).some((t) => t.startsWith("Tiltakskategori"))).toBe(true);
  });

  it("narrows with the reporting-year filter and keeps it in the URL", async () => {
    await page.goto(`${site.url}/sok/?q=fosterhjem`);
    await expect.poll(async () => (await titles()).length).toBeGreaterThan(3);
    const before = await titles();
    await page.selectOption('select[name="år"]', "2019");
    await expect.poll(titles).not.toEqual(before);
    const after = await titles();
    expect(after.length).toBeLessThan(before.length);
    expect(after).not.toContain("2.3 Spesialiserte fosterhjem");
    expect(after).toContain("2.3 Statlige familiehjem (gjelder fosterhjem som staten har ansvar for)");
    expect(page.url()).toContain("%C3%A5r=2019");
  });

  it("finds a code first when searched as written: «2.3» and «244»", async () => {
    await page.goto(`${site.url}/sok/?q=2.3`);
    await expect.poll(async () => (await titles())[0]).toMatch(/^2\.3 /);
    await page.goto(`${site.url}/sok/?q=244`);
    await expect.poll(async () => (await titles())[0]).toBe("244 Barneverntjeneste");
  });

  it("searches every part of the index: the page indexed last is found by its title", async () => {
    const { parts } = JSON.parse(readFileSync(join(site.dist, "pagefind", "deler.json"), "utf8")) as { parts: string[] };
    expect(parts.filter((p) => p.includes("/sider-")).length).toBeGreaterThan(1);
    expect(parts.filter((p) => p.includes("/poster-")).length).toBeGreaterThan(1);
    // The parts hold the searchable pages in path order: the last of them is in the last part.
    const searchable = (readdirSync(site.dist, { recursive: true }) as string[]).filter((f) => f.endsWith(".html") && readFileSync(join(site.dist, f), "utf8").includes("data-pagefind-body")).sort();
    const last = readFileSync(join(site.dist, searchable.at(-1)!), "utf8");
    const title = last.match(/<h1[^>]*>([^<]+)<\/h1>/)![1].trim();
    await page.goto(`${site.url}/sok/?q=${encodeURIComponent(title)}`);
    await expect.poll(async () => (await page.locator("#search-results li > a").evaluateAll((as) => as.map((a) => a.getAttribute("href"))))).toContain(`/${dirname(searchable.at(-1)!)}/`);
  });

  it("is usable by keyboard from the search box on any page", async () => {
    await page.goto(`${site.url}/kodelister/`);
    await page.keyboard.press("Tab"); // skip link
    await page.keyboard.press("Tab"); // brand
    await page.keyboard.press("Tab"); // search box
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("header-q");
    await page.keyboard.type("plantype");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/sok\/\?q=plantype/);
    await expect.poll(async () => (await titles()).length).toBeGreaterThan(0);
    // From the search box, Tab reaches the first result link after the filters.
    await page.focus("#q");
    for (let i = 0; i < 12 && (await page.evaluate(() => document.activeElement?.closest("#search-results") === null)); i++) await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("#search-results li") !== null)).toBe(true);
  });

  it("lets the year switcher be used by keyboard", async () => {
    await page.goto(`${site.url}/kodelister/plantype/2023/`);
    const link = page.locator('.year-nav a[href="/kodelister/plantype/2022/"]').first();
    await link.focus();
    expect(await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute("href"))).toBe("/kodelister/plantype/2022/");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/kodelister\/plantype\/2022\/$/);
    expect(await page.locator('.year-nav [aria-current="page"]').textContent()).toBe("2022");
  });
});
