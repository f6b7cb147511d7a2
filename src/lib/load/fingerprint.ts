import { createHash } from "node:crypto";
import { mkdirSync, renameSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * What a step of a build read of the content root: every file it read, by its path relative to the
 * root, with the SHA-256 of the bytes it read. The build compares the validation step's with every
 * later step's before it publishes: a file edited, added or removed while the build ran would
 * otherwise be published unchecked (each step is a process of its own that reads the root again).
 */
export type Fingerprint = Record<string, string>;

export const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/**
 * Where the steps of a build write what they read (`<name>.json`): a folder `kostra build` names in
 * this variable for the steps that load content in another program (the pages, in Astro).
 */
export const FINGERPRINTS_ENV = "KOSTRA_FINGERPRINTS";

/**
 * Writes a step's fingerprint into `dir` as `<step>.json`, whole or not at all: a step stopped while
 * it wrote one would leave half a file, which would read as a change.
 */
export function writeFingerprint(dir: string, step: string, fingerprint: Fingerprint): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${step}.json.partial`), JSON.stringify(fingerprint));
  renameSync(join(dir, `${step}.json.partial`), join(dir, `${step}.json`));
}

/**
 * The files whose bytes a later step read differently from the validation step, or that only one
 * of them read, each as `path (what happened)`; per step that wrote a fingerprint into `dir`. A
 * step named in `expected` that wrote none counts as a difference: it cannot show what it read.
 */
export function contentChangedDuringBuild(dir: string, expected: readonly string[]): string[] {
  const read = (step: string): Fingerprint | undefined => {
    try {
      return JSON.parse(readFileSync(join(dir, `${step}.json`), "utf8")) as Fingerprint;
    } catch {
      return undefined;
    }
  };
  const validated = read("validated");
  if (!validated) return ["(the validation step recorded no fingerprint of the content it checked)"];
  const steps = new Set([...expected, ...readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5))]);
  steps.delete("validated");
  const changed = new Set<string>();
  for (const step of [...steps].sort()) {
    const later = read(step);
    if (!later) {
      changed.add(`(the ${step} step recorded no fingerprint of the content it read)`);
      continue;
    }
    for (const [path, hash] of Object.entries(later)) {
      if (!(path in validated)) changed.add(`${path} (added after validation)`);
      else if (validated[path] !== hash) changed.add(`${path} (changed after validation)`);
    }
    for (const path of Object.keys(validated)) if (!(path in later)) changed.add(`${path} (removed after validation)`);
  }
  return [...changed];
}
