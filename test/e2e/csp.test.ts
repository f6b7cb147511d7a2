import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "./browser.ts";
import { TEMPLATES } from "./templates.ts";

const site = useBuiltSite();

describe("a strict Content-Security-Policy", () => {
  it("is set by a meta tag on every page and in _headers, without 'unsafe-inline' or other origins", () => {
    const html = readFileSync(join(site.dist, "index.html"), "utf8");
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1];
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toMatch(/https?:/);
    expect(readFileSync(join(site.dist, "_headers"), "utf8")).toContain(`Content-Security-Policy: ${csp.replace(/&#39;/g, "'")}; frame-ancestors 'none'`);
  });


});

// Pages at once: each test has a page of its own, and most of its time is waiting for the network to be idle.
describe.concurrent("a strict Content-Security-Policy on one page of every template", () => {
  for (const path of TEMPLATES) {
    it(`${path} loads and runs with no CSP violation and no request to another origin`, async () => {
      const page = await site.browser.newPage();
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
  }});
