import { resolveContentRoot } from "./content-root.ts";
import { formatFinding } from "./validate/finding.ts";
import { validateContent } from "./validate/index.ts";
import type { Registry } from "./registry.ts";

let cached: Promise<Registry> | undefined;

/**
 * The registry for a site build, loaded once per process. A content root with errors throws,
 * so that nothing is published partly.
 */
export function buildRegistry(): Promise<Registry> {
  cached ??= (async () => {
    const result = await validateContent(resolveContentRoot());
    if (result.errors > 0) {
      const lines = result.findings.filter((f) => f.severity === "error").map(formatFinding);
      throw new Error(`content has ${result.errors} error(s); run \`npx kostra validate\`:\n${lines.join("\n")}`);
    }
    return result.registry;
  })();
  return cached;
}
