import { defineConfig } from "vitest/config";

/**
 * Two projects: `site` holds the files that read the built site of the bundled content (the static
 * output and the browser tests), which `test/global-setup.ts` builds once for all of them; `core`
 * holds the rest (modules on fixtures, the CLI, builds of other content) and builds nothing up front.
 * `npx vitest run --project core` runs without the shared build.
 */
const SITE = ["test/e2e/**/*.test.ts", "test/exports.test.ts", "test/no-internal-words.test.ts", "test/site.test.ts"];

export default defineConfig({
  test: {
    // Tests spawn the CLI and the real Astro build; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Browser tests wait for search and live controls with expect.poll; a loaded 2-core machine
    // (CI beside other work) needed more than the default second. A poll ends as soon as it passes.
    expect: { poll: { timeout: 10_000 } },
    // Two test files at a time on a 2-core machine (vitest's default there is one): most files wait on
    // child processes (builds, the CLI, Chromium) for much of their time.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: "core", include: ["test/**/*.test.ts"], exclude: SITE } },
      { extends: true, test: { name: "site", include: SITE, globalSetup: ["test/global-setup.ts"] } },
    ],
  },
});
