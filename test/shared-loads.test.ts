/**
 * `kostra review` reads the work tree and then the base, two roots that share all but the files a
 * branch changed: an unchanged file is parsed once and its data shared; a changed one is read anew.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent, type SharedLoads } from "../src/lib/load/load-content.ts";
import { BUNDLED_CONTENT_ROOT } from "../src/lib/load/content-root.ts";
import { tempDir } from "./helpers.ts";

describe("two content roots read in one process", () => {
  it("share what an unchanged file gave and read a changed file anew", async () => {
    const base = tempDir("shared-base");
    for (const f of ["codelists", "content"]) cpSync(join(BUNDLED_CONTENT_ROOT, f), join(base, f), { recursive: true });
    const edited = join(base, "codelists", "tiltak-kategori", "2024.yaml");
    writeFileSync(edited, readFileSync(edited, "utf8").replace("Spesialiserte fosterhjem", "Spesialiserte fosterheimar"));
    const shared: SharedLoads = new Map();
    const head = await loadContent(BUNDLED_CONTENT_ROOT, { shared });
    const before = shared.size;
    const other = await loadContent(base, { validated: true, shared });
    // Only the edited file was parsed again (it joins the shared loads under its own bytes).
    expect(shared.size).toBe(before + 1);
    const tiltak = (r: typeof head.registry) => r.codelists.get("tiltak-kategori")!.versions.find((v) => v.year === 2024)!.data;
    expect(JSON.stringify(tiltak(other.registry))).toContain("fosterheimar");
    expect(JSON.stringify(tiltak(head.registry))).not.toContain("fosterheimar");
    expect(other.registry.codelists.get("plantype")!.versions[0].data).toBe(head.registry.codelists.get("plantype")!.versions[0].data);
    // Each root's files keep their own place.
    expect(other.loaded.every((l) => l.found.absolute.startsWith(base))).toBe(true);
  });
});
