/**
 * Parts of a page written as one string (a code table's rows) must escape as Astro's renderer does,
 * so the page is what the template made: compared here with Astro's own functions.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addAttribute, escapeHTML } from "astro/runtime/server/index.js";
import { escapeAttribute, escapeText } from "../src/lib/site/html-escape.ts";

const tricky = fc.string({ unit: fc.constantFrom("&", "<", ">", '"', "'", "a", "ø", " ", "\n", "&amp;", "1") });

describe("escaping as Astro escapes", () => {
  it("text between tags", () => {
    fc.assert(fc.property(fc.oneof(tricky, fc.string()), (s) => {
      expect(escapeText(s)).toBe(String(escapeHTML(s)));
    }), { numRuns: 2000 });
  });
  it("an attribute's value (never empty where used: Astro writes an empty one as a bare name)", () => {
    fc.assert(fc.property(fc.oneof(tricky, fc.string()), (s) => {
      expect(` id="${escapeAttribute(`kode-${s}`)}"`).toBe(String(addAttribute(`kode-${s}`, "id")));
    }), { numRuns: 2000 });
  });
});
