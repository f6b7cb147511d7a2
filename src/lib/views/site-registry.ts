import { resolveContentRoot } from "../load/content-root.ts";
import type { Finding } from "../findings/finding.ts";
import { formatFinding } from "../guard/print-finding.ts";
import { validateContent } from "../validate/index.ts";
import { loadContent, type LoadCache } from "../load/load-content.ts";
import type { Registry } from "../model/registry.ts";
import { processShared } from "../model/process-shared.ts";
import { FINGERPRINTS_ENV, writeFingerprint } from "../load/fingerprint.ts";
import { shareUnchangedCodes } from "../model/shared-codes.ts";

const cache = processShared("build-registry", () => ({ registry: undefined as Promise<Registry> | undefined, dev: undefined as LoadCache | undefined }));

const failWith = (findings: Finding[]) => {
  const lines = findings.filter((f) => f.severity === "error").map(formatFinding);
  if (lines.length) throw new Error(`content has ${lines.length} error(s); run \`npx kostra validate\`:\n${lines.join("\n")}`);
};

/**
 * The dev server keeps every file's parsed content and, after an edit, reads only the files that
 * changed: a reload at KOSTRA scale takes a fraction of a second instead of a full load and
 * validation. Each file is still checked against its schema; the checks across files run in
 * `npx kostra validate` and in every build.
 */
export function reloadOnChange(): { contentChanged(): void } {
  cache.dev ??= new Map();
  return {
    contentChanged() {
      cache.registry = undefined;
    },
  };
}

/**
 * The registry for a site build, loaded once per process. A content root with errors throws,
 * so that nothing is published partly.
 */
export function buildRegistry(): Promise<Registry> {
  cache.registry ??= (async () => {
    // `kostra build` validated this content root a moment ago; loading it again is enough. First:
    // Astro runs its dev-server hook in a build too when NODE_ENV is not «production» (under vitest).
    if (process.env.KOSTRA_VALIDATED === resolveContentRoot()) {
      const loaded = await loadContent(resolveContentRoot(), { validated: true });
      // What the pages were made from, for the build to compare with what it validated.
      const fingerprints = process.env[FINGERPRINTS_ENV];
      if (fingerprints) writeFingerprint(fingerprints, "pages", loaded.fingerprint);
      failWith(loaded.findings);
      return shareUnchangedCodes(loaded.registry.withoutSources());
    }
    if (cache.dev) {
      const loaded = await loadContent(resolveContentRoot(), { cache: cache.dev });
      failWith(loaded.findings);
      return loaded.registry;
    }
    const result = await validateContent(resolveContentRoot());
    failWith(result.findings);
    return result.registry;
  })();
  return cache.registry;
}
