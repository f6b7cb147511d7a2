import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Tests spawn the CLI and the real Astro build; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
