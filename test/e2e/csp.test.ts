import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { buildSite } from "../build-site.ts";
import { launch, serve } from "./browser.ts";
import { TEMPLATES } from "./templates.ts";

let browser: Browser;
let site: Awaited<ReturnType<typeof serve>>;
let dist: string;

beforeAll(async () => {
  dist = buildSite();
  site = await serve(dist);
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("a strict Content-Security-Policy", () => {
  it("is set by a meta tag on every page and in _headers, without 'unsafe-inline' or other origins", () => {
    const html = readFileSync(join(dist, "index.html"), "utf8");
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1];
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toMatch(/https?:/);
    expect(readFileSync(join(dist, "_headers"), "utf8")).toContain(`Content-Security-Policy: ${csp.replace(/&#39;/g, "'")}; frame-ancestors 'none'`);
  });

  for (const path of TEMPLATES) {
    it(`${path} loads and runs with no CSP violation and no request to another origin`, async () => {
      const page = await browser.newPage();
      const violations: string[] = [];
      const foreign: string[] = [];
      const origin = new URL(site.url).origin;
      page.on("console", (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
      });
      page.on("request", (r) => {
        const url = r.url();
        if (!url.startsWith("data:") && !url.startsWith("blob:") && new URL(url).origin !== origin) foreign.push(url);
      });
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`));
      });
      await page.goto(`${site.url}${path}`, { waitUntil: "networkidle" });
      // Exercise the scripts where there are some.
      if (path.startsWith("/sok/")) await page.waitForSelector("#search-results li");
      if (path === "/skjema/8/2023/") {
        await page.locator('input[name="table.besatte-etter-utdanning.besatte.sosionomer"]').fill("3");
        await page.waitForSelector(".control-message");
      }
      if (path.startsWith("/indikatorer/andel")) {
        await page.locator('input[name="A"]').fill("3");
        await page.locator('input[name="B"]').fill("1000");
        await expect.poll(() => page.locator("form[data-indicator-calculator] output").textContent()).toMatch(/Prikket/);
      }
      expect(violations).toEqual([]);
      expect(foreign).toEqual([]);
      await page.close();
    });
  }
});
