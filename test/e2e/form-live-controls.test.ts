import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useBuiltSite } from "./browser.ts";

const site = useBuiltSite();
let page: Page;

const cell = (table: string, row: string, col: string) => page.locator(`input[name="table.${table}.${row}.${col}"]`);
const messages = () => page.locator(".control-message").allTextContents();

async function answerSections3And4() {
  for (const name of ["interkommunalt", "i-nav", "system-brukerundersokelser", "brukerundersokelse-siste-ar", "internkontroll"]) {
    await page.locator(`input[name="field.${name}"][value="false"]`).check();
  }
}

describe("form 8 for 2023 in Chromium", () => {
  beforeAll(async () => {
    page = await site.browser.newPage();
    await page.goto(`${site.url}/skjema/8/2023/`);
  });

  it("shows the error next to the tables when the 2A and 2B sums differ", async () => {
    await cell("besatte-etter-utdanning", "besatte", "barnevernspedagoger").fill("4");
    await cell("besatte-etter-utdanning", "besatte", "sosionomer").fill("2,5".replace(",", "."));
    await cell("besatte-etter-type", "besatte", "fagstillinger-244").fill("5");
    await expect.poll(messages).toContain("Feil: Feil antall. Sum besatte stillinger i 2A og 2B skal være lik.");
    const slot = page.locator('[data-messages-for="besatte-etter-utdanning"]');
    await expect.poll(() => slot.textContent()).toContain("Sum besatte stillinger i 2A og 2B skal være lik.");
    expect(await page.locator('output[name="table.besatte-etter-utdanning.besatte.sum"]').textContent()).toBe("6,5");
  });

  it("shows no message when the sums are equal and 2C is below 2A", async () => {
    await cell("besatte-etter-type", "besatte", "stottefunksjoner-244").fill("1.5");
    await cell("ubesatte-etter-type", "ikke-besatte", "fagstillinger-244").fill("1");
    await answerSections3And4();
    await expect.poll(messages).toEqual([]);
    expect(await page.locator("[data-control-summary]").textContent()).toBe("Ingen kontroller slår ut.");
  });

  it("warns when 2C is not below 2A", async () => {
    await cell("ubesatte-etter-type", "ikke-besatte", "tiltaksstillinger-252").fill("6");
    await expect.poll(messages).toEqual(["Advarsel: Ubesatte stillinger bør være færre enn besatte stillinger."]);
  });
});
