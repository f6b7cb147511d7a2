import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startDevServer, type DevServer } from "../../bench/dev-server.ts";
import { contentCopy } from "../helpers.ts";
import { launch } from "./browser.ts";

describe("the dev server on an edited content file", () => {
  let content: string;
  let dev: DevServer;
  let browser: Browser;
  beforeAll(async () => {
    content = contentCopy();
    dev = await startDevServer(content, 4397);
    browser = await launch();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await dev?.stop();
  });

  it("reloads the open page with the new label, and shows a schema error instead of old content", async () => {
    const page = await browser.newPage();
    // An edit made before Vite's client has its socket open would go unseen: wait for it.
    const connected = page.waitForEvent("console", { predicate: (m) => m.text().includes("[vite] connected"), timeout: 30_000 });
    await page.goto(`${dev.url}/kodelister/plantype/2023/`);
    await connected;
    await page.getByRole("heading", { level: 1, name: /Plantype – rapporteringsår 2023/ }).waitFor();
    const file = join(content, "codelists", "plantype", "2023.yaml");
    const original = readFileSync(file, "utf8");
    const label = "Tiltaksplan etter BVL2021 § 8-1 (tidligere BVL1992 § 4-5)";
    expect(original).toContain(label);

    // The page reloads by itself (no navigation by the test) and shows the edit.
    writeFileSync(file, original.replace(label, "Tiltaksplan (redigert i dev)"));
    await page.getByRole("cell", { name: "Tiltaksplan (redigert i dev)", exact: true }).waitFor({ timeout: 15_000 });

    // A file that breaks its schema gives its file and line, not a page from stale content.
    writeFileSync(file, original.replace(`nb: "${label}"`, "nb: [1, 2]"));
    await page.getByText(/codelists\/plantype\/2023\.yaml:\d+:\d+/).first().waitFor({ timeout: 15_000 });
    expect((await fetch(`${dev.url}/kodelister/plantype/2023/`)).status).toBe(500);
    writeFileSync(file, original);
    await page.getByRole("cell", { name: label, exact: true }).waitFor({ timeout: 15_000 });
    expect(await page.getByText("Tiltaksplan (redigert i dev)").count()).toBe(0);
  });
});
