import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useBuiltSite } from "./browser.ts";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

// One build for the whole file.
const site = useBuiltSite();
let page: Page;

/** The sections the menu must reach, in its order. */
const SECTIONS = ["Kodelister", "Skjema og filuttrekk", "Indikatorer", "Tabeller", "Endringer", "Rapporteringsår", "Endringsforslag", "Møter", "Arbeidsgrupper", "Kalender", "Tilstandsrapport", "Kilder", "API", "Søk"];

const menuLinks = (p: Page) => p.locator('nav[aria-label="Hovedmeny"] a').evaluateAll((as) => as.map((a) => ({ label: a.textContent!.trim(), href: a.getAttribute("href")! })));

beforeAll(async () => {
  page = await site.browser.newPage();
});

describe("finding one's way", () => {
  it("the menu on the home page names every section, and following each link answers 200", async () => {
    await page.goto(`${site.url}/`);
    const links = await menuLinks(page);
    // Search is the header's field, always in view, not a menu item (the walk found «Søk» twice).
    expect(links.map((l) => l.label)).toEqual(SECTIONS.filter((s) => s !== "Søk"));
    expect(links.find((l) => l.label === "Rapporteringsår")!.href).toMatch(/^\/aar\/\d{4}\/$/);
    for (let i = 0; i < links.length; i++) {
      await page.goto(`${site.url}/`);
      const link = page.locator('nav[aria-label="Hovedmeny"] a').nth(i);
      const [response] = await Promise.all([page.waitForNavigation(), link.click()]);
      expect(response?.status(), links[i].href).toBe(200);
      expect(new URL(page.url()).pathname).toBe(links[i].href);
      expect(await page.locator("h1").count(), links[i].href).toBeGreaterThan(0);
      // The section one is in is marked in the menu.
      expect(await page.locator('nav[aria-label="Hovedmeny"] a[aria-current]').allTextContents()).toEqual([links[i].label]);
    }
  });

  it("the home page counts what changes for senders in the latest year, breaking first, and links to the year", async () => {
    await page.goto(`${site.url}/`);
    const yearHref = (await menuLinks(page)).find((l) => l.label === "Rapporteringsår")!.href;
    const year = Number(/\d{4}/.exec(yearHref)![0]);
    const section = page.locator("section.home-coming");
    expect(await section.locator("h2").textContent()).toBe(`Dette endres for rapporteringsår ${year}`);
    const { summary } = JSON.parse(readFileSync(join(site.dist, "api", "v1", "changes", `${year - 1}-${year}.json`), "utf8")) as { summary: { changes: number; sender: Record<string, number> } };
    const counts = await section.locator(".class-counts li").evaluateAll((lis) => lis.map((li) => ({ cls: li.className, count: Number(li.querySelector(".class-count")!.textContent) })));
    expect(counts).toEqual([
      { cls: "class-breaking", count: summary.sender.breaking },
      { cls: "class-compatible", count: summary.sender.compatible },
      { cls: "class-label-only", count: summary.sender["label-only"] },
      { cls: "class-none", count: summary.sender.none },
    ]);
    expect(await section.textContent()).toContain(`${summary.changes} endringer fra ${year - 1} til ${year}`);
    const hrefs = await section.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual([`/aar/${year}/`, `/endringer/${year - 1}-${year}/`]);
  });

  it("the home page says how far the calendar goes (no past date shown as coming), the proposals under treatment and one line per section", async () => {
    await page.goto(`${site.url}/`);
    const calendar = page.locator('section[aria-labelledby="frister"]');
    expect(await calendar.textContent()).toMatch(/går bare til og med rapporteringsår \d{4}, og de datoene er passert/);
    expect(await calendar.locator("time").count()).toBe(0);
    expect(await calendar.locator('a[href^="/kalender/"]').count()).toBe(2);
    const proposals = page.locator('section[aria-labelledby="forslag"] li a[href^="/endringsforslag/"]');
    expect(await proposals.count()).toBeGreaterThan(0);
    expect(await proposals.count()).toBeLessThanOrEqual(5);
    const sections = await page.locator(".section-list li > a").allTextContents();
    expect(sections).toEqual(SECTIONS);
  });

  it("/404.html says so in Norwegian, searches with q on /sok/ and links to the sections", async () => {
    const response = await page.goto(`${site.url}/404.html`);
    expect(response?.status()).toBe(200);
    expect(await page.locator("h1").textContent()).toBe("Fant ikke siden");
    const form = page.locator('main form[role="search"]');
    expect(await form.getAttribute("action")).toBe("/sok/");
    expect(await form.getAttribute("method")).toBe("get");
    await form.locator('input[name="q"]').fill("plantype");
    await form.locator('button[type="submit"]').click();
    await page.waitForURL(/\/sok\/\?q=plantype$/);
    await page.goto(`${site.url}/404.html`);
    expect(await page.locator("main .section-list li > a").allTextContents()).toEqual(SECTIONS);
  });

  it("the home page and the 404 page pass axe (WCAG 2.1 AA)", async () => {
    for (const path of ["/", "/404.html"]) {
      const context = await site.browser.newContext({ bypassCSP: true });
      const p = await context.newPage();
      await p.goto(`${site.url}${path}`);
      await p.addScriptTag({ content: axeSource });
      const violations = await p.evaluate(async () => {
        const result = await (window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run({ runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      });
      expect(violations, path).toEqual([]);
      await context.close();
    }
  });

  it("at 390 px no page the menu leads to is wider than the screen", async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
    const narrow = await context.newPage();
    await narrow.goto(`${site.url}/`);
    const paths = ["/", "/404.html", ...(await menuLinks(narrow)).map((l) => l.href)];
    const wide: string[] = [];
    for (const path of paths) {
      await narrow.goto(`${site.url}${path}`);
      const width = await narrow.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) {
        // Name the innermost elements that reach past the screen, so that a failure says what to fix.
        const culprits = await narrow.evaluate(() =>
          [...document.querySelectorAll("main *")]
            .filter((e) => !e.closest("pre, .table-wrap") && e.getBoundingClientRect().right > 390 && ![...e.children].some((c) => c.getBoundingClientRect().right > 390))
            .slice(0, 3)
            .map((e) => `${e.tagName.toLowerCase()} «${(e.textContent ?? "").trim().slice(0, 50)}»`),
        );
        wide.push(`${path} (${width} px: ${culprits.join("; ")})`);
      }
    }
    await context.close();
    expect(wide).toEqual([]);
  });
});
