import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useBuiltSite } from "./browser.ts";

/**
 * What a walk through the site as a vendor, a working group and a member of the public found
 * (issue 32), in Chromium at a phone's and a desktop's width: form-year pages say what changed,
 * proposals show one explained status (cards on a phone), the home page shows no past date as
 * coming, text diffs read «før → etter», captions stay in view, and print shows folded code lists.
 */

const site = useBuiltSite();
const WIDTHS = [390, 1280] as const;

async function open(width: number, path: string): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width, height: width === 390 ? 844 : 900 } });
  const response = await page.goto(`${site.url}${path}`);
  expect(response?.status(), path).toBe(200);
  return page;
}

describe("form-year pages say what changed from the year before", () => {
  for (const width of WIDTHS) {
    it(`at ${width} px: changed, unchanged and assumed years each say so, above the contents`, async () => {
      const page = await open(width, "/skjema/15f/2024/");
      const block = page.locator("section[data-year-changes]");
      await expect.poll(() => block.getAttribute("data-year-changes")).toBe("changed");
      expect(await block.locator("h2").textContent()).toBe("Endringer fra 2023");
      expect(await block.textContent()).toMatch(/\d+ endringer i Filuttrekk 15F fra 2023 til 2024/);
      const link = block.locator('a[href="/skjema/15f/endringer/2023-2024/"]');
      expect(await link.isVisible()).toBe(true);
      const [blockTop, contentsTop] = await Promise.all([block.boundingBox(), page.locator("nav.form-contents").boundingBox()]);
      expect(blockTop!.y).toBeLessThan(contentsTop!.y);
      await link.click();
      await page.waitForURL(/\/skjema\/15f\/endringer\/2023-2024\/$/);
      await page.goto(`${site.url}/skjema/15f/2026/`);
      expect(await page.locator("section[data-year-changes]").getAttribute("data-year-changes")).toBe("unchanged");
      expect(await page.locator("section[data-year-changes]").textContent()).toContain("Ingen endringer i Filuttrekk 15F fra 2025 til 2026");
      await page.goto(`${site.url}/skjema/8/2025/`);
      expect(await page.locator("section[data-year-changes]").textContent()).toContain("Ingen kilde dekker Skjema 8 for 2025");
      await page.close();
    });
  }

  it("a year's page lists what is unchanged, and counts changed items by kind", async () => {
    const page = await open(1280, "/aar/2026/");
    const unchanged = page.locator("section[data-unchanged]");
    expect(await unchanged.locator('a[href="/skjema/15f/2026/"]').textContent()).toBe("Filuttrekk 15F Barnevern");
    expect(await page.locator("td[data-items]").first().textContent()).toBe("2 skjema");
    expect(await page.locator("main").textContent()).not.toContain("Endrede kodelister, skjema og indikatorer");
    await page.close();
  });
});

describe("proposal statuses", () => {
  it("at 390 px the list is cards with the status in view, with the lifecycle above", async () => {
    const page = await open(390, "/endringsforslag/");
    expect(await page.locator("[data-status-legend] .lifecycle-steps li").allTextContents()).toEqual(["Utkast", "Lagt fram", "Drøftet", "Anbefalt", "Vedtatt", "Gjennomført"]);
    const statuses = page.locator("#forslagsliste td.proposal-status");
    expect(await statuses.count()).toBeGreaterThan(5);
    for (const cell of await statuses.all()) {
      const box = (await cell.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(await cell.locator("strong").textContent()).not.toMatch(/^(anbefalt|fremmet|kan ikke beregnes)$/);
    }
    expect(await page.locator("#forslagsliste tbody tr").first().evaluate((r) => getComputedStyle(r).display)).toBe("block");
    // The legend explains the raw words.
    await page.locator("[data-status-legend] summary").click();
    const legend = await page.locator("[data-status-legend]").textContent();
    for (const word of ["(anbefalt)", "(fremmet)", "kan ikke beregnes"]) expect(legend).toContain(word);
    await page.close();
  });

  it("at 1280 px the list is a table, and a proposal's page marks its step in the lifecycle", async () => {
    const page = await open(1280, "/endringsforslag/");
    expect(await page.locator("#forslagsliste tbody tr").first().evaluate((r) => getComputedStyle(r).display)).toBe("table-row");
    await page.goto(`${site.url}/endringsforslag/barnevern-2023-tiltak-2-3-2-4/`);
    expect(await page.locator(".lifecycle-steps li[aria-current]").textContent()).toBe("Anbefalt");
    expect(await page.locator(".proposal-status-now strong").textContent()).toBe("Anbefalt, venter på vedtak");
    await page.goto(`${site.url}/endringsforslag/barnevern-2023-plantyper/`);
    expect(await page.locator(".lifecycle-steps li[aria-current]").textContent()).toBe("Gjennomført");
    await page.close();
  });

  it("the home page's open count is the number of proposals the list shows as neither decided nor carried out", async () => {
    const page = await open(1280, "/endringsforslag/");
    const open_ = await page.locator("#forslagsliste tbody tr").evaluateAll((rows) => rows.filter((r) => !["gjennomført", "vedtatt", "avvist", "utsatt"].includes((r as HTMLElement).dataset.status!)).length);
    await page.goto(`${site.url}/`);
    expect(await page.locator("section[aria-labelledby=forslag]").textContent()).toContain(`${open_} forslag er ikke endelig avgjort`);
    for (const line of await page.locator("section[aria-labelledby=forslag] li").allTextContents()) expect(line).not.toMatch(/Gjennomført|Vedtatt/);
    await page.close();
  });
});

describe("deadlines on the home page", () => {
  for (const width of WIDTHS) {
    it(`at ${width} px: no past date shown as coming; the usual yearly dates, cited`, async () => {
      const page = await open(width, "/");
      const section = page.locator("section[aria-labelledby=frister]");
      expect(await section.locator("[data-no-deadlines]").textContent()).toMatch(/Kildene gir ingen frister eller publiseringsdatoer for rapporteringsår 2026\./);
      expect(await section.locator("time").count()).toBe(0);
      const pattern = await section.locator("[data-yearly-pattern] li").allTextContents();
      expect(pattern.some((p) => /Rapporteringsfrist: 15\. februar året etter rapporteringsåret/.test(p))).toBe(true);
      expect(pattern.some((p) => /Endelig publisering: 15\. juni året etter rapporteringsåret/.test(p))).toBe(true);
      expect(await section.locator("[data-yearly-pattern] a[href^='/kilder/']").count()).toBeGreaterThan(3);
      await page.close();
    });
  }
});

describe("glitches", () => {
  it("a text diff reads and copies as «før → etter», labelled for screen readers", async () => {
    const page = await open(390, "/aar/2026/");
    const diff = page.locator(".text-diff").first();
    expect((await diff.textContent())!.replace(/\s+/g, " ")).toBe("Før: Oslo → Etter: Oslo - Oslove");
    expect(await diff.locator(".diff-before").textContent()).toBe("Oslo");
    expect(await diff.locator(".diff-after").textContent()).toBe("Oslo - Oslove");
    expect(await diff.locator(".ds-sr-only").first().evaluate((e) => e.getBoundingClientRect().width <= 1)).toBe(true);
    expect(await page.locator("[data-no-proposal]").first().textContent()).toBe("Ingen endringsforslag registrert");
    await page.close();
  });

  it("a caption stays in view while its table scrolls sideways at 390 px", async () => {
    const page = await open(390, "/skjema/15f/2024/");
    const wraps = page.locator(".table-wrap:has(> table > caption)");
    const wrap = wraps.first();
    await wrap.evaluate((w) => (w.scrollLeft = w.scrollWidth));
    const [outer, caption] = await Promise.all([wrap.boundingBox(), wrap.locator("caption").boundingBox()]);
    expect(caption!.x).toBeGreaterThanOrEqual(outer!.x - 0.5);
    expect(caption!.x + caption!.width).toBeLessThanOrEqual(outer!.x + outer!.width + 0.5);
    await page.close();
  });

  it("every meeting page's heading fits at 390 px", async () => {
    const page = await open(390, "/moter/");
    const links = await page.locator("main a[href^='/moter/']").evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute("href")!))].filter((h) => /^\/moter\/[^/]+\/$/.test(h) && !h.startsWith("/moter/aar/")));
    expect(links.length).toBeGreaterThan(2);
    for (const href of links) {
      await page.goto(`${site.url}${href}`);
      const fits = await page.locator("h1").evaluate((h) => h.scrollWidth <= h.clientWidth + 1 && h.getBoundingClientRect().right <= innerWidth);
      expect(fits, href).toBe(true);
    }
    await page.close();
  });

  it("a working group without meetings says so instead of an empty «Møter» heading", async () => {
    const page = await open(390, "/arbeidsgrupper/familievern/");
    const section = page.locator("section:has(> h2:text-is('Møter'))");
    expect(await section.locator("[data-no-meetings]").isVisible()).toBe(true);
    await page.close();
  });

  it("in print, folded code lists are open and field names are not broken inside", async () => {
    const page = await site.browser.newPage({ viewport: { width: Math.floor(((210 - 2 * 16) / 25.4) * 96), height: 1000 } });
    await page.goto(`${site.url}/skjema/52af/2025/`);
    await page.emulateMedia({ media: "print" });
    const folded = page.locator("#postbeskrivelse details dl.field-codes");
    expect(await folded.count()).toBeGreaterThan(0);
    for (const list of await folded.all()) expect(await list.isVisible()).toBe(true);
    const broken = await page.locator("table.records tbody td:first-child").evaluateAll((cells) =>
      cells
        .filter((cell) => {
          const range = document.createRange();
          range.selectNodeContents(cell);
          return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size > 1;
        })
        .map((cell) => cell.textContent),
    );
    expect(broken).toEqual([]);
    await page.close();
  });
});
