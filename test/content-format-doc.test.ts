import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { extractGenerated } from "../src/lib/docs/content-format.ts";
import { GENERATED_DOCS } from "../src/lib/cli/docs-command.ts";
import { contentKinds } from "../src/lib/schema/index.ts";
import { REPO } from "./helpers.ts";

const doc = readFileSync(join(REPO, "docs", "content-format.md"), "utf8");

describe("docs generated from the code", () => {
  for (const { path, render } of GENERATED_DOCS) {
    it(`${path} holds the part generated from the current code (run \`npx kostra docs\` after changing a schema or rule)`, () => {
      expect(extractGenerated(readFileSync(join(REPO, path), "utf8"))).toBe(render());
    });
  }

  it("documents every field of every kind, with a description", () => {
    for (const kind of Object.values(contentKinds)) {
      expect(doc).toContain(`\`${kind.pattern}\``);
      const json = z.toJSONSchema(kind.schema, { io: "input", unrepresentable: "any" }) as { properties: Record<string, { description?: string }> };
      for (const [field, prop] of Object.entries(json.properties)) {
        expect(doc, `${kind.name}.${field}`).toContain(`| \`${field}\` |`);
        expect(prop.description, `${kind.name}.${field} has no description`).toBeTruthy();
      }
    }
  });

  it("names every bundled codelist id", () => {
    for (const id of ["tiltak-kategori", "plantype", "saksinnhold", "melder", "kostra-funksjon", "kostra-art"]) expect(doc).toContain(`\`${id}\``);
  });
});
