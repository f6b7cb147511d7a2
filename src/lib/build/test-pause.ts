import { existsSync, writeFileSync } from "node:fs";

/**
 * Tests only: when `variable` names a file, writes this process's pid there and waits, so that a
 * test can act at exactly this point of a build (kill it, edit the content): until a file of the
 * same name with `.go` added appears, or a minute has passed.
 */
export function pauseForTest(variable: string): void {
  const marker = process.env[variable];
  if (!marker) return;
  writeFileSync(marker, String(process.pid));
  const sleep = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; waited < 60_000 && !existsSync(`${marker}.go`); waited += 100) Atomics.wait(sleep, 0, 0, 100);
}
