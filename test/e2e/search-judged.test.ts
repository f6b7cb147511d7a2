import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { parse } from "yaml";
import { REPO } from "../helpers.ts";
import { useBuiltSite } from "./browser.ts";

/** A hit named in a judgement: by the start of its link, or by its type tag. */
interface Named {
  href?: string;
  title?: string;
  type?: string;
}
interface Judgement {
  query: string;
  from: string;
  expect: (Named & { within: number })[];
  before?: Named[];
}
interface Hit {
  href: string;
  title: string;
  type: string;
  excerpt: string;
}

const judgements = parse(readFileSync(join(REPO, "test/e2e/search-judgements.yaml"), "utf8")) as Judgement[];
const site = useBuiltSite();
let page: Page;

beforeAll(async () => {
  page = await site.browser.newPage();
});

const matches = (n: Named) => (h: Hit) => (n.href === undefined || h.href.startsWith(n.href)) && (n.title === undefined || h.title === n.title) && (n.type === undefined || h.type === n.type);
const label = (n: Named) => [n.title && `«${n.title}»`, n.href, n.type && `type «${n.type}»`].filter(Boolean).join(" ");

/** The hits the real search page lists for a query, in order, once its status line has answered. */
async function hitsFor(q: string, on: Page = page): Promise<Hit[]> {
  await on.goto(`${site.url}/sok/?q=${encodeURIComponent(q)}`);
  await expect.poll(() => on.locator("#search-status").textContent(), { timeout: 20_000 }).toMatch(/treff/);
  return on.locator("#search-results li").evaluateAll((lis) =>
    lis.map((li) => ({
      href: li.querySelector("a")!.getAttribute("href")!,
      title: li.querySelector("a")!.textContent!,
      type: li.querySelector(".result-type")?.textContent ?? "",
      excerpt: li.querySelector("p")?.textContent ?? "",
    })),
  );
}

/** What is wrong with a query's hits, judged; empty when it passes. */
function failures(j: Judgement, hits: Hit[]): string[] {
  const wrong: string[] = [];
  const places: number[] = [];
  for (const e of j.expect) {
    const at = hits.findIndex(matches(e));
    if (at === -1 || at >= e.within) wrong.push(`${label(e)} ${at === -1 ? "not found" : `came ${at + 1}.`}, wanted within ${e.within}`);
    if (at !== -1) places.push(at);
  }
  for (const b of j.before ?? []) {
    const at = hits.findIndex(matches(b));
    if (at !== -1 && places.some((p) => p > at)) wrong.push(`${label(b)} came ${at + 1}., before a wanted hit`);
  }
  return wrong;
}

describe("the judged query set, in Chromium", () => {
  it(`puts the judged pages first for all ${judgements.length} queries`, async () => {
    expect(judgements.length).toBeGreaterThanOrEqual(26);
    // Three pages at once, each taking every third query: most of a query's time is the page loading.
    const pages = [page, await site.browser.newPage(), await site.browser.newPage()];
    const found: string[][] = [];
    await Promise.all(
      pages.map(async (on, k) => {
        for (let i = k; i < judgements.length; i += pages.length) {
          const j = judgements[i];
          const hits = await hitsFor(j.query, on);
          const wrong = failures(j, hits);
          found[i] = wrong.length ? [`«${j.query}»: ${wrong.join("; ")}\n    first: ${hits.slice(0, 5).map((h) => `${h.title} <${h.href}>`).join(" | ") || "nothing"}`] : [];
        }
      }),
    );
    await Promise.all(pages.slice(1).map((p) => p.close()));
    const report = found.flat();
    expect(report, `${report.length} of ${judgements.length} queries failed:\n${report.join("\n")}`).toEqual([]);
  }, 300_000);

  it("shows the years of every code hit and links it to the latest version it is in force", async () => {
    for (const q of ["fosterhjem", "2.3", "tiltaksplan"]) {
      const codes = (await hitsFor(q)).filter((h) => h.type.startsWith("Kode i"));
      expect(codes.length, q).toBeGreaterThan(0);
      for (const c of codes) expect(c.excerpt, `${q}: ${c.title}`).toMatch(/^Gjelder \d{4}[–\d, ]*\. /);
    }
    // Each code hit links to the latest year its list has a page for, where the code is in force.
    const years = readdirSync(join(site.dist, "kodelister", "tiltak-kategori")).filter((d) => /^\d{4}$/.test(d)).sort();
    const current = (await hitsFor("spesialiserte fosterhjem")).find((h) => h.title === "2.3 Spesialiserte fosterhjem")!;
    expect(current.href).toBe(`/kodelister/tiltak-kategori/${years.at(-1)}/#kode-2.3`);
    // The old and the new label of tiltak 2.3, told apart by their years.
    const both = (await hitsFor("2.3")).filter((h) => h.title.startsWith("2.3 ") && h.type === "Kode i Tiltakskategori");
    expect(both.map((h) => h.excerpt.match(/^Gjelder [^ .]+/)![0]).sort()).toEqual(["Gjelder 2018–2023", "Gjelder 2024–"]);
  });

  it("shows a district table with its municipal twin and a code's other labels with the one in force", async () => {
    await hitsFor("saksbehandlingstid");
    const table = page.locator("#search-results > li").filter({ has: page.locator('a[href="/tabeller/12860/"]') });
    await expect.poll(() => table.locator(".result-also").textContent()).toBe("For bydeler: Tabell 12859: Undersøkingar avslutta av barnevernet, bydel, etter handsamingstid (B)");
    expect(await table.locator('.result-also a[href="/tabeller/12859/"]').count()).toBe(1);
    expect((await hitsFor("saksbehandlingstid")).map((h) => h.href)).not.toContain("/tabeller/12859/");
    const code = (await hitsFor("tiltaksplan")).find((h) => h.href.startsWith("/kodelister/plantype/") && h.href.endsWith("#kode-1"))!;
    expect(code.title).toBe("1 Tiltaksplan etter BVL2021 § 8-1 (tidligere BVL1992 § 4-5)");
    const line = page.locator("#search-results > li").filter({ has: page.locator(`a[href="${code.href}"]`) }).locator(".result-also");
    expect(await line.textContent()).toBe("Gjelder 2018–2022: 1 Tiltaksplan etter § 4-5");
  });

  it("gives snippets with no words run together and no text twice", async () => {
    for (const q of ["arbeidsgruppe barnevern", "kompetansekrav", "fosterhjem"]) {
      for (const h of await hitsFor(q)) {
        // A lowercase letter straight before an uppercase one is two block elements glued together
        // («ArbeidsgruppeKOSTRA»); paths and identifiers («Flytting/ArsakFra/@Kode») are written so.
        const glued = h.excerpt.split(/\s+/).filter((w) => !/[/@_{.]/.test(w) && /\p{Ll}\p{Lu}\p{Ll}/u.test(w));
        expect(glued, `${q}: ${h.title}`).toEqual([]);
        // The same six words twice is text repeated (a record's heading again in its text).
        expect(h.excerpt, `${q}: ${h.title}`).not.toMatch(/(?<![\p{L}\p{N}])([\p{L}\p{N}]+(?: [\p{L}\p{N}]+){5,})(?![\p{L}\p{N}]).*(?<![\p{L}\p{N}])\1(?![\p{L}\p{N}])/u);
      }
    }
  });
});
