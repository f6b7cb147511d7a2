import { existsSync } from "node:fs";
import { join } from "node:path";
import { loadFile } from "../load/load-content.ts";
import { allowedDigits, type AllowedNumbers } from "../schema/allowed-numbers.ts";
import type { Finding } from "../findings/finding.ts";

/** Where the reviewed exceptions to the personal-data guard live, relative to the content root. */
export const ALLOWED_NUMBERS_FILE = "content/allowed-numbers.yaml";

/**
 * The numbers recorded as not personal (`content/allowed-numbers.yaml`), as digits. Read before the
 * other files, which are checked against it; a broken allow-list allows nothing.
 */
export async function readAllowedNumbers(root: string): Promise<{ allowed: Set<string>; findings: Finding[] }> {
  const absolute = join(root, ALLOWED_NUMBERS_FILE);
  if (!existsSync(absolute)) return { allowed: new Set(), findings: [] };
  const { loaded, findings } = await loadFile({ kind: "allowedNumbers", absolute, path: ALLOWED_NUMBERS_FILE, id: "allowed-numbers" });
  const entries = (loaded?.data as AllowedNumbers | undefined)?.numbers ?? [];
  return { allowed: new Set(entries.map(allowedDigits)), findings };
}
