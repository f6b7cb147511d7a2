import { resolveContentRoot } from "./content-root.ts";
import { formatFinding } from "./validate/finding.ts";
import { validateContent } from "./validate/index.ts";
import { loadContent } from "./load/load-content.ts";
import type { Registry } from "./registry.ts";

let cached: Promise<Registry> | undefined;

/**
 * The registry for a site build, loaded once per process. A content root with errors throws,
 * so that nothing is published partly.
 */
export function buildRegistry(): Promise<Registry> {
  cached ??= (async () => {
    // `kostra build` validated this content root a moment ago; loading it again is enough.
    if (process.env.KOSTRA_VALIDATED === resolveContentRoot()) {
      const loaded = await loadContent(resolveContentRoot());
      if (loaded.findings.some((f) => f.severity === "error")) throw new Error(`content has errors; run \`npx kostra validate\`:\n${loaded.findings.map(formatFinding).join("\n")}`);
      return loaded.registry;
    }
    const result = await validateContent(resolveContentRoot());
    if (result.errors > 0) {
      const lines = result.findings.filter((f) => f.severity === "error").map(formatFinding);
      throw new Error(`content has ${result.errors} error(s); run \`npx kostra validate\`:\n${lines.join("\n")}`);
    }
    return result.registry;
  })();
  return cached;
}
