import { readdir, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { runsElsewhere } from "./pids.ts";

/**
 * Removes what killed builds left: beside `out`, their partial site, staging folder, replaced site
 * and moved-aside lock (`<out>.partial-<pid>`, `.staging-<pid>`, `.old-<pid>`, `.lock-stale-<pid>`),
 * and their working folders `build-<pid>` in Astro's folder `astroDir` (the project's `.astro/`).
 * Only those whose pid no longer runs: builds into other output folders run at the same time and
 * share `.astro/`. Run under the output lock, after `recoverSwap`.
 */
export async function removeLeftovers(out: string, astroDir: string): Promise<void> {
  const beside = new RegExp(`^${escape(basename(out))}\\.(?:partial|staging|old|lock-stale)-(\\d+)$`);
  await removeDead(dirname(out), beside);
  await removeDead(astroDir, /^build-(\d+)$/);
}

async function removeDead(dir: string, pattern: RegExp): Promise<void> {
  for (const name of await readdir(dir).catch(() => [])) {
    const pid = pattern.exec(name)?.[1];
    if (pid && !runsElsewhere(Number(pid))) await rm(join(dir, name), { recursive: true, force: true });
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
