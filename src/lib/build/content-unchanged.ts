import { join } from "node:path";
import { contentChangedDuringBuild } from "../load/fingerprint.ts";

/** The folder of a build's staging area where each step writes what it read of the content. */
export const fingerprintsOf = (staging: string) => join(staging, "fingerprints");

/** The steps that read the content root after validation and must have read what it checked. */
const READERS = ["pages", "exports"] as const;

/**
 * Why the build must not publish because the content changed while it ran (each step reads the
 * root in a process of its own), or undefined when every step read the bytes validation checked.
 */
export function contentChangeRefusal(staging: string): string | undefined {
  const changed = contentChangedDuringBuild(fingerprintsOf(staging), READERS);
  if (!changed.length) return undefined;
  const shown = changed.slice(0, 10).join(", ") + (changed.length > 10 ? ` and ${changed.length - 10} more` : "");
  return `not publishing: the content changed while the build ran, so the site would hold content that was never validated: ${shown}; run the build again when the content is saved`;
}
