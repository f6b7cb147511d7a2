import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Tests spawn the CLI and the real Astro build; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Browser tests wait for search and live controls with expect.poll; a loaded 2-core machine
    // (CI beside other work) needed more than the default second. A poll ends as soon as it passes.
    expect: { poll: { timeout: 10_000 } },
  },
});
