/**
 * «Sjekk en fil» on a form-year page in Chromium, at 390 px and 1280 px: a file chosen or dropped is
 * checked in a worker on the page's own machine (progress, the summary with SSB's verdict word, the
 * problems by control, filters, the CSV), with next year's rules beside it; and during the check
 * nothing is sent: the only requests are same-origin GETs of the page's scripts and the plans.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Page, Request } from "playwright-core";
import { useBuiltSite } from "./browser.ts";
import { loadContent } from "../../src/lib/load/load-content.ts";
import { checkPlan } from "../../src/lib/check/plan-from-registry.ts";
import type { CheckPlan } from "../../src/lib/check/plan.ts";
import { validLine } from "../check-helpers.ts";
import { REPO } from "../helpers.ts";

const site = useBuiltSite();
const TESTFILES = join(REPO, "test/fixtures/reference/kontrollprogram/testfiler/15F");
let line55f2024 = "";

beforeAll(async () => {
  const { registry } = await loadContent(REPO);
  line55f2024 = validLine(checkPlan(registry, "55f", 2024) as CheckPlan);
});

/** Opens a page at a width and records every request made after it has loaded. */
async function open(path: string, width: number): Promise<{ page: Page; requests: Request[] }> {
  const page = await site.browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${site.url}${path}`, { waitUntil: "networkidle" });
  const requests: Request[] = [];
  page.on("request", (r) => requests.push(r));
  return { page, requests };
}

/** Only same-origin GETs of the site's own scripts (the checker, its worker) and the plans; nothing posted, nothing elsewhere. */
function expectNothingSent(requests: Request[]) {
  const origin = new URL(site.url).origin;
  expect(requests.length).toBeGreaterThan(0);
  for (const r of requests) {
    const url = new URL(r.url());
    expect(r.method(), r.url()).toBe("GET");
    expect(url.origin, r.url()).toBe(origin);
    expect(r.postData(), r.url()).toBeNull();
    expect(url.pathname, r.url()).toMatch(/^\/_astro\/[^/]+\.js$|^\/skjema\/[a-z0-9]+\/\d{4}\/sjekkplan\.json$/);
  }
}

const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe("«Sjekk en fil» in Chromium", () => {
  it("the form page ships only a small loader; the checker loads when a file is chosen", async () => {
    const { page, requests } = await open("/skjema/15f/2020/", 1280);
    const scripts = await page.evaluate(() => Array.from(document.querySelectorAll("script[src]")).map((s) => (s as HTMLScriptElement).src));
    expect(scripts).toHaveLength(1);
    const loader = await (await fetch(scripts[0])).text();
    // The loader and Vite's helper for the import on demand.
    expect(loader.length).toBeLessThan(3072);
    expect(await page.locator("#sjekk-en-fil").textContent()).toMatch(/Filen forlater aldri datamaskinen din/);
    expect(requests).toEqual([]);
    await page.close();
  });

  it("at 390 px: SSB's FEIL test file for 15F 2020 chosen, progress, FEIL with counts, problems by control, filters, CSV; nothing sent", async () => {
    const { page, requests } = await open("/skjema/15f/2020/", 390);
    const progress = page.locator("[data-check-progress]");
    await page.setInputFiles("#sjekk-fil", join(TESTFILES, "Testfil_04_FEIL_2020_15F_for_3401.xml"));
    await expect.poll(() => progress.isVisible()).toBe(true);
    await page.waitForSelector(".check-summary");
    expect(await progress.evaluate((p) => (p as HTMLProgressElement).value)).toBe(1);
    expect(await page.locator(".check-verdict strong").textContent()).toBe("FEIL");
    const errors = Number(await page.locator('[data-count="ERROR"] strong').textContent());
    const fatal = Number(await page.locator('[data-count="FATAL"] strong').textContent());
    expect(errors + fatal).toBeGreaterThan(0);
    const groups = await page.locator(".check-group").count();
    expect(groups).toBeGreaterThan(0);
    // The summary comes before the problems.
    expect(await page.evaluate(() => document.querySelector(".check-summary")!.compareDocumentPosition(document.querySelector(".check-group")!) & Node.DOCUMENT_POSITION_FOLLOWING)).toBeTruthy();
    // Filter by severity: only that severity's problems stay shown.
    await page.selectOption("#sjekk-alvorlighet", "ERROR");
    const shown = await page.locator(".check-problem:visible").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.severity));
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set(["ERROR"]));
    // Filter by control.
    await page.selectOption("#sjekk-alvorlighet", "");
    const control = await page.locator(".check-group").first().getAttribute("data-control");
    await page.selectOption("#sjekk-kontroll", control!);
    expect(await page.locator(".check-group:visible").count()).toBe(1);
    expect(await noHorizontalScroll(page)).toBe(true);
    expectNothingSent(requests);
    // The report as CSV, made in the browser.
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("[data-check-csv]").click()]);
    expect(download.suggestedFilename()).toBe("sjekk-15F-2020.csv");
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.split("\r\n")[0]).toBe("\uFEFFår;alvorlighet;kontroll;linje;sti;journalnummer;felt;posisjon;funnet;forventet;melding;endring;lenke");
    expect(csv.split("\r\n").length - 2).toBe(await page.locator(".check-problem").count());
    await page.close();
  });

  it("at 1280 px: a 55F file of 2024 dropped, with next year's rules: OK-or-warnings in 2024, FEIL in 2025, each new problem beside the change; nothing sent", async () => {
    const { page, requests } = await open("/skjema/55f/2024/", 1280);
    await page.locator("[data-next-input]").check();
    const text = `${line55f2024}\n`.repeat(3);
    await page.evaluate((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], "familievern-55f-2024.dat", { type: "text/plain" }));
      document.querySelector("[data-drop]")!.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }, text);
    await page.waitForSelector("[data-check-next]");
    expect(await page.locator(".check-verdict strong").textContent()).not.toBe("FEIL");
    expect(await page.locator("[data-check-next] h3").textContent()).toBe("Mot reglene for 2025: FEIL");
    const links = await page.locator("[data-check-next] .check-change a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href")));
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const href of links) expect(href).toBe("/skjema/55f/endringer/2024-2025/");
    expect(await page.locator("[data-check-next] .check-change").first().textContent()).toMatch(/Postens oppbygging er endret: 74 felt fjernet/);
    expect(await noHorizontalScroll(page)).toBe(true);
    expectNothingSent(requests);
    // The plan's links to single changes point at rows that exist on the change page.
    const plan = (await (await fetch(`${site.url}/skjema/55f/2025/sjekkplan.json`)).json()) as CheckPlan;
    const changePage = await (await fetch(`${site.url}/skjema/55f/endringer/2024-2025/`)).text();
    for (const change of plan.changes!.slice(0, 20)) expect(changePage, change.href).toContain(`id="${change.href.split("#")[1]}"`);
    await page.close();
  });

  it("at 390 px: a file that is not a 15F file gets a clear problem, no crash", async () => {
    const { page, requests } = await open("/skjema/15f/2020/", 390);
    await page.setInputFiles("#sjekk-fil", join(TESTFILES, "Testfil_00_Junk.dat"));
    await page.waitForSelector(".check-summary");
    expect(await page.locator(".check-verdict strong").textContent()).toBe("FEIL");
    expect(await page.locator(".check-problem").first().textContent()).toMatch(/ikke en 15F-fil/);
    expect(await noHorizontalScroll(page)).toBe(true);
    expectNothingSent(requests);
    await page.close();
  });
});
