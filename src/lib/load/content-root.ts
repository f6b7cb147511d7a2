import { existsSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The bundled content: the repository root, which holds codelists/, content/ and changes/. */
export const BUNDLED_CONTENT_ROOT = resolve(fileURLToPath(new URL("../../..", import.meta.url)));

/** The content root from `--content DIR`, else `KOSTRA_CONTENT_DIR`, else the bundled content. */
export function resolveContentRoot(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag ?? env.KOSTRA_CONTENT_DIR;
  if (!chosen) return BUNDLED_CONTENT_ROOT;
  const root = isAbsolute(chosen) ? chosen : resolve(process.cwd(), chosen);
  if (!existsSync(root)) throw new Error(`content folder not found: ${root} (from ${flag ? "--content" : "KOSTRA_CONTENT_DIR"})`);
  return root;
}
