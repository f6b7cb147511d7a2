import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { REPO } from "../helpers.ts";
import { useBuiltSite } from "./browser.ts";

/**
 * What the walk as the three users found (issue 32): search that admits ignorance, search and the
 * menu on a phone, editorial notes after the content, definitions first.
 */
const site = useBuiltSite();
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const SHOTS = join(REPO, "test", ".out", "screenshots");

/** Queries the registry has no answer to: nothing in its sources is about them. */
const NO_ANSWER = ["dagpenger", "sykehjemsplass", "byggesak", "snøbrøyting", "parkeringsbot", "vaksinasjon"];

async function open(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  return browser.newPage({ viewport });
}

async function search(page: Page, q: string): Promise<string> {
  await page.goto(`${site.url}/sok/?q=${encodeURIComponent(q)}`);
  await expect.poll(() => page.locator("#search-status").textContent(), { timeout: 20_000 }).toMatch(/treff/);
  return (await page.locator("#search-status").textContent()) ?? "";
}

let phone: Page;
let desktop: Page;
beforeAll(async () => {
  phone = await open(site.browser, PHONE);
  desktop = await open(site.browser, DESKTOP);
  mkdirSync(SHOTS, { recursive: true });
});

describe("search admits ignorance", () => {
  it.each(NO_ANSWER)("«%s» gives «Ingen treff» and says what the registry covers", async (q) => {
    expect(await search(desktop, q)).toMatch(/^Ingen treff/);
    expect(await desktop.locator("#search-results li").count()).toBe(0);
    const scope = desktop.locator("#search-scope");
    expect(await scope.isVisible()).toBe(true);
    const text = (await scope.textContent())!.replace(/\s+/g, " ");
    // Areas, forms and years, from the registry.
    expect(text).toMatch(/arbeidsgruppene for .*barnevern/);
    expect(text).toMatch(/skjemaene .*15F Barnevern/);
    expect(text).toMatch(/rapporteringsårene \d{4}–\d{4}/);
  });

  it("finds the one real mention of «kvalifiseringsstønad» and nothing matched on a fragment", async () => {
    expect(await search(phone, "kvalifiseringsstønad")).not.toMatch(/Ingen treff/);
    const hits = await phone.locator("#search-results > li").evaluateAll((lis) => lis.map((li) => ({ href: li.querySelector("a")!.getAttribute("href")!, marks: [...li.querySelectorAll("mark")].map((m) => m.textContent!) })));
    expect(hits.map((h) => h.href)).toContain("/kodelister/kostra-art/2026/#kode-470");
    for (const h of hits) expect(h.marks.join(" ").toLowerCase(), h.href).toContain("kvalifiseringsstønad");
    expect(await phone.locator("#search-scope").isVisible()).toBe(false);
    await phone.screenshot({ path: join(SHOTS, "sok-kvalifiseringsstonad-390.png"), fullPage: false });
    await search(phone, "sykehjemsplass");
    await phone.screenshot({ path: join(SHOTS, "sok-ingen-treff-390.png"), fullPage: false });
  });
});

describe("search on a phone", () => {
  it("shows the hit count under the field, the first hit on the first screen and no sideways scroll", async () => {
    for (const q of ["barnevern", "fosterhjem", "barn med tiltak", "hjelpetiltak"]) {
      await search(phone, q);
      const at = await phone.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        field: document.querySelector("#q")!.getBoundingClientRect().bottom,
        status: document.querySelector("#search-status")!.getBoundingClientRect().top,
        first: document.querySelector("#search-results > li")!.getBoundingClientRect().top,
        filters: (document.querySelector("#search-filters-toggle") as HTMLDetailsElement).open,
      }));
      expect(at.scroll, q).toBeLessThanOrEqual(390);
      expect(at.status, q).toBeGreaterThan(at.field);
      expect(at.status - at.field, q).toBeLessThan(80);
      expect(at.first, q).toBeLessThan(844 - 60);
      // The filters are behind «Avgrens søket» and open on a tap.
      expect(at.filters, q).toBe(false);
    }
    await search(phone, "barnevern");
    await phone.screenshot({ path: join(SHOTS, "sok-barnevern-390.png"), fullPage: false });
    await phone.locator("#search-filters-toggle > summary").click();
    expect(await phone.locator('select[name="type"]').isVisible()).toBe(true);
  });

  it("shows the filters open on a wide screen", async () => {
    await search(desktop, "barnevern");
    expect(await desktop.locator('select[name="type"]').isVisible()).toBe(true);
    expect(await desktop.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  });
});

describe("the menu on a phone", () => {
  const visibleSok = (page: Page) => page.locator(".site-header").locator("a:visible, button:visible").filter({ hasText: /^\s*Søk\s*$/ }).count();

  it("folds behind «Meny» below 600 px, keeps the search field and says «Søk» once", async () => {
    for (const path of ["/", "/kodelister/", "/indikatorer/andel-barn-med-barnevernstiltak-0-24/"]) {
      await phone.goto(`${site.url}${path}`);
      const menu = phone.locator("details.menu-toggle");
      const button = menu.locator("summary");
      expect(await button.textContent()).toBe("Meny");
      expect(await button.isVisible(), path).toBe(true);
      expect(await phone.locator("nav.main-menu ul").isVisible(), path).toBe(false);
      expect(await phone.locator("#header-q").isVisible(), path).toBe(true);
      expect(await visibleSok(phone), path).toBe(1);
      const header = await phone.locator(".site-header").evaluate((e) => e.getBoundingClientRect().height);
      expect(header, path).toBeLessThan(160);
      await button.click();
      expect(await menu.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      expect(await phone.locator("nav.main-menu ul").isVisible()).toBe(true);
      expect(await phone.locator("nav.main-menu a", { hasText: "Kodelister" }).isVisible()).toBe(true);
      await button.click();
      expect(await phone.locator("nav.main-menu ul").isVisible()).toBe(false);
    }
  });

  it("shows the whole menu and no «Meny» button at 1280 px", async () => {
    await desktop.goto(`${site.url}/kodelister/`);
    await expect.poll(() => desktop.locator("nav.main-menu ul").isVisible()).toBe(true);
    expect(await desktop.locator(".menu-toggle").isVisible()).toBe(false);
    expect(await visibleSok(desktop)).toBe(1);
  });

  it("opens the menu without script", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${site.url}/kodelister/`);
    await page.locator("details.menu-toggle summary").click();
    expect(await page.locator("nav.main-menu ul").isVisible()).toBe(true);
    await context.close();
  });
});

describe("editorial notes", () => {
  for (const [path, viewport] of [["/kodelister/tiltak-kategori/2021/", PHONE], ["/skjema/15f/2024/", DESKTOP]] as const) {
    it(`stand after the content, folded under «Om kildene og avvik», in plain words: ${path} at ${viewport.width} px`, async () => {
      const page = viewport === PHONE ? phone : desktop;
      await page.goto(`${site.url}${path}`);
      const note = page.locator("details.editorial-note");
      expect(await note.count()).toBe(1);
      expect(await note.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      expect((await note.locator("summary").textContent())!.trim()).toBe("Om kildene og avvik");
      expect(await page.locator("text=Redaksjonell merknad").count()).toBe(0);
      // After the content: below the page's first table or code list, just before the sources.
      const order = await page.evaluate(() => {
        const note = document.querySelector("details.editorial-note")!;
        const content = document.querySelector("main table, main .record, main section")!;
        return Boolean(content.compareDocumentPosition(note) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      expect(order).toBe(true);
      await note.locator("summary").click();
      const text = (await note.textContent())!;
      for (const word of ["xs:enumeration", "xs:documentation", "selectable: false", "scope barnevern", "@Presisering", "XSD", "kilde 00"]) expect(text, word).not.toContain(word);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      if (viewport === PHONE) {
        await note.scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SHOTS, "merknad-390.png") });
      }
    });
  }
});

describe("definitions and indicators", () => {
  it("an indicator page leads with its description, before the formula and the calculator", async () => {
    await desktop.goto(`${site.url}/indikatorer/andel-barn-som-ikke-er-plassert-av-alle-i-tiltak-0-24/`);
    const headings = await desktop.locator("main h2").allTextContents();
    expect(headings.indexOf("Beskrivelse")).toBeGreaterThanOrEqual(0);
    expect(headings.indexOf("Beskrivelse")).toBeLessThan(headings.indexOf("Formel"));
    expect(headings.indexOf("Sentrale begrep")).toBeLessThan(headings.indexOf("Formel"));
    expect(await desktop.locator("#sentrale-begrep").count()).toBe(1);
  });
});
