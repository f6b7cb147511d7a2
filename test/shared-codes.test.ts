/** Codes a version repeats unchanged become the previous version's objects; nothing else changes. */
import { describe, expect, it } from "vitest";
import { loadContent } from "../src/lib/load/load-content.ts";
import { BUNDLED_CONTENT_ROOT } from "../src/lib/load/content-root.ts";
import { shareUnchangedCodes } from "../src/lib/model/shared-codes.ts";

describe("sharing the codes a version repeats", () => {
  it("keeps every version's codes as they were, sharing only those equal to the version before", async () => {
    const { registry } = await loadContent(BUNDLED_CONTENT_ROOT, { validated: true });
    const plain = registry.withoutSources();
    const before = JSON.stringify([...plain.codelists.values()].map((e) => e.versions.map((v) => v.data)));
    const shared = shareUnchangedCodes(plain);
    expect(JSON.stringify([...shared.codelists.values()].map((e) => e.versions.map((v) => v.data)))).toBe(before);
    let same = 0;
    let changed = 0;
    for (const entry of shared.codelists.values()) {
      for (let i = 1; i < entry.versions.length; i++) {
        const earlier = new Map(entry.versions[i - 1].data.codes.map((c) => [c.code, c]));
        for (const code of entry.versions[i].data.codes) {
          const was = earlier.get(code.code);
          if (was === code) same++;
          else if (was) {
            // Kept apart only where the code differs.
            expect(JSON.stringify(was)).not.toBe(JSON.stringify(code));
            changed++;
          }
        }
      }
    }
    expect(same).toBeGreaterThan(100);
    expect(changed).toBeGreaterThan(0);
  });
});
