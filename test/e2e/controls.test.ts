import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useBuiltSite } from "./browser.ts";
import { validateContent } from "../../src/lib/validate/index.ts";
import { BUNDLED_CONTENT_ROOT } from "../../src/lib/load/content-root.ts";
import { versionAt, type Registry } from "../../src/lib/model/registry.ts";
import type { Control } from "../../src/lib/schema/index.ts";

const site = useBuiltSite();
let registry: Registry;

beforeAll(async () => {
  registry = (await validateContent(BUNDLED_CONTENT_ROOT)).registry;
}, 120_000);

/** The controls of a form in its latest year, from the registry. */
function latest(formId: string): { year: number; controls: readonly Control[] } {
  const form = registry.forms.get(formId)!;
  const year = Math.max(...registry.yearsOf(form));
  return { year, controls: versionAt(form, year)!.data.controls ?? [] };
}

const tally = (controls: readonly Control[]) => {
  const counts: Record<string, number> = {};
  for (const c of controls) counts[c.severity] = (counts[c.severity] ?? 0) + 1;
  return counts;
};

const shownSeverities = (page: Page) =>
  page.locator(".control-card").evaluateAll((cards) => cards.filter((c) => (c as HTMLElement).offsetParent !== null).map((c) => (c as HTMLElement).dataset.severity!));

// A questionnaire, an XML file extract and a fixed-width one (the accounts: some controls only in words).
for (const formId of ["15f", "8", "regnskap"]) {
  describe(`controls of form ${formId} in its latest year`, () => {
    let page: Page;
    let controls: readonly Control[];

    beforeAll(async () => {
      const found = latest(formId);
      controls = found.controls;
      expect(controls.length).toBeGreaterThan(0);
      page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${site.url}/skjema/${formId}/${found.year}/`);
    });

    it("states the number of controls per severity, matching the content", async () => {
      const summary = (await page.locator(".control-counts strong").textContent())!;
      const counts = tally(controls);
      expect(summary).toMatch(new RegExp(`^${controls.length} kontroller?: `));
      const words: Record<string, [string, string]> = { FATAL: ["fatal feil", "fatale feil"], ERROR: ["feil", "feil"], WARNING: ["advarsel", "advarsler"], INFO: ["informasjonsmelding", "informasjonsmeldinger"] };
      const expected = ["FATAL", "ERROR", "WARNING", "INFO"].filter((s) => counts[s]).map((s) => `${counts[s]} ${words[s]![counts[s] === 1 ? 0 : 1]}`);
      expect(summary).toBe(`${controls.length} kontroller: ${expected.join(", ")}.`);
      expect(await page.locator(".control-card").count()).toBe(controls.length);
      expect(summary).not.toMatch(/notExpressible|WARNING|ERROR/);
    });

    it("has a contents list linking to the layout and to the controls", async () => {
      const hrefs = await page.locator("nav.form-contents a").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
      expect(hrefs).toContain("#kontroller");
      expect(hrefs.some((h) => h === "#skjemaet" || h === "#postbeskrivelse")).toBe(true);
      for (const href of hrefs) expect(await page.locator(href).count(), href).toBe(1);
      // Near the top: before the form or record layout, not after it.
      const top = (selector: string) => page.locator(selector).evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
      expect(await top("nav.form-contents")).toBeLessThan(await top("#skjemaet, #postbeskrivelse"));
    });

    it("filters by each severity, by keyboard, and shows all again", async () => {
      const counts = tally(controls);
      expect(await shownSeverities(page)).toHaveLength(controls.length);
      for (const severity of Object.keys(counts)) {
        const radio = page.locator(`input[name="kontroll-alvorlighet"][value="${severity}"]`);
        await radio.focus();
        await page.keyboard.press("Space");
        expect(await radio.isChecked()).toBe(true);
        const shown = await shownSeverities(page);
        expect(shown).toHaveLength(counts[severity]!);
        expect(new Set(shown)).toEqual(new Set([severity]));
      }
      await page.locator('input[name="kontroll-alvorlighet"][value="alle"]').check();
      expect(await shownSeverities(page)).toHaveLength(controls.length);
    });

    for (const width of [1280, 390]) {
      it(`shows every message whole at ${width} px`, async () => {
        await page.setViewportSize({ width, height: 900 });
        const overflowing = await page.locator(".control-card .control-text").evaluateAll((els, vw) =>
          els
            .map((el) => ({ el: el as HTMLElement, box: el.getBoundingClientRect() }))
            .filter(({ el, box }) => box.width === 0 || box.right > vw || el.scrollWidth > el.clientWidth)
            .map(({ el }) => el.closest("li")!.id),
          width,
        );
        expect(await page.locator(".control-card .control-text").count()).toBe(controls.length);
        expect(overflowing).toEqual([]);
        // Nor does the page itself scroll sideways: wide tables scroll inside their own region.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      });
    }

    it("hides the expression until its summary is activated", async () => {
      const expressed = controls.filter((c) => c.when !== undefined);
      expect(await page.locator(".control-expression").count()).toBe(expressed.length);
      if (expressed.length === 0) return;
      const first = page.locator(`[id="kontroll-${expressed[0]!.id}"] .control-expression`);
      const code = first.locator("code.cel");
      expect(await code.isVisible()).toBe(false);
      await first.locator("summary").focus();
      await page.keyboard.press("Enter");
      expect(await code.isVisible()).toBe(true);
      expect(await code.textContent()).toBe(expressed[0]!.when);
      const box = (await code.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
    });
  });
}
