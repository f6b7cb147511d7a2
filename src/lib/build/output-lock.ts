import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { runsElsewhere } from "./pids.ts";

/** Another build is writing the output folder. */
export class OutputBusy extends Error {}

/**
 * One build at a time per output folder: `<out>.lock`, created only when absent (`wx`), holds the
 * pid of the build writing `out`. A second build fails at once with `OutputBusy` rather than waiting:
 * a build takes minutes, and whoever started two into one folder should hear of it now, not find one
 * site silently replaced by the other later. A lock whose pid no longer runs (a killed build) is
 * taken over. Returns the release, which removes the lock if it is still this build's.
 */
export async function lockOutput(out: string): Promise<() => Promise<void>> {
  const lock = `${out}.lock`;
  const mine = `${process.pid}\n`;
  for (;;) {
    try {
      await writeFile(lock, mine, { flag: "wx" });
      return async () => {
        if ((await readFile(lock, "utf8").catch(() => "")) === mine) await rm(lock, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const held = await readFile(lock, "utf8").catch(() => undefined);
    // Released since: try again.
    if (held === undefined) continue;
    const pid = Number(held.trim());
    // Empty only for the instant between its creation and its pid being written: a live build.
    if (!held.trim()) throw new OutputBusy(`another build is writing ${out} (${lock} holds no pid yet; if no build is running, delete it); try again when it has finished`);
    if (runsElsewhere(pid)) throw new OutputBusy(`another build (pid ${pid}) is writing ${out}; try again when it has finished`);
    await takeOver(lock, held);
  }
}

/**
 * Removes a stale lock. Moved aside first, because two builds may find the same stale lock: the
 * rename lets only one of them have it, and what it got is checked to be the lock it found stale,
 * not one another build has taken since (that one is put back).
 */
async function takeOver(lock: string, stale: string): Promise<void> {
  const aside = `${lock}-stale-${process.pid}`;
  try {
    await rename(lock, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw e;
  }
  if ((await readFile(aside, "utf8")) !== stale) await rename(aside, lock);
  else await rm(aside, { force: true });
}
