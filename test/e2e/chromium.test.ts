import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers.ts";
import { launch } from "./browser.ts";
import { bundledChromium, chooseChromium, SYSTEM_CHROMIUMS, type ChromiumChoice } from "./chromium.ts";

describe("which Chromium the browser tests drive", () => {
  it("takes CHROMIUM_PATH first, then a system Chromium, then the bundled one", () => {
    const system = bundledChromium(); // any file that exists stands in for a system install
    const missing = join(tempDir("no-chromium"), "chromium");
    expect(chooseChromium({ CHROMIUM_PATH: system }, [missing])).toEqual({ path: system, origin: "CHROMIUM_PATH" });
    expect(chooseChromium({}, [missing, system])).toEqual({ path: system, origin: "system" });
    expect(chooseChromium({}, [missing])).toEqual({ path: bundledChromium(), origin: "bundled" });
  });

  it("says what is wrong when CHROMIUM_PATH names nothing", () => {
    expect(() => chooseChromium({ CHROMIUM_PATH: "/nowhere/chromium" })).toThrow(/CHROMIUM_PATH is \/nowhere\/chromium, which does not exist/);
  });
});

/** Renders Norwegian text and returns what a person would check: the text, its width and a screenshot. */
async function render(choice: ChromiumChoice): Promise<{ text: string; width: number; png: Buffer; blank: Buffer }> {
  const browser = await launch(choice);
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 200 } });
    const blank = await page.screenshot();
    await page.setContent(`<html lang="nb"><p id="t" style="font: 24px sans-serif; display: inline-block">Blåbærsyltetøy på Ærøy</p></html>`);
    const text = (await page.textContent("#t")) ?? "";
    const width = await page.$eval("#t", (el) => el.getBoundingClientRect().width);
    return { text, width, png: await page.screenshot(), blank };
  } finally {
    await browser.close();
  }
}

describe("the Chromiums launch and render Norwegian text", () => {
  it("the bundled Chromium, which npm install brings", async () => {
    const { text, width, png, blank } = await render({ path: bundledChromium(), origin: "bundled" });
    expect(text).toBe("Blåbærsyltetøy på Ærøy");
    expect(width).toBeGreaterThan(150);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.equals(blank)).toBe(false);
  });

  const system = SYSTEM_CHROMIUMS.find((path) => existsSync(path));
  it.runIf(system)(`the system Chromium (${system ?? "none installed"})`, async () => {
    const { text, width } = await render({ path: system!, origin: "system" });
    expect(text).toBe("Blåbærsyltetøy på Ærøy");
    expect(width).toBeGreaterThan(150);
  });
});
