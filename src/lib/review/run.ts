import { rmSync } from "node:fs";
import { formatFinding } from "../guard/print-finding.ts";
import { loadContent } from "../load/load-content.ts";
import { validateContent, type ValidationResult } from "../validate/index.ts";
import { changedFiles, extractBase, resolveBase } from "./git-base.ts";
import { reviewRegistries } from "./review.ts";
import type { Review } from "./schema.ts";

export interface RunReviewOptions {
  /** A git ref; default: the merge base of HEAD with the default branch. */
  base?: string;
  /** YYYY-MM-DD; default: today (UTC). */
  today?: string;
}

/**
 * The work tree's content against the base commit's: the base is read from git into a temporary
 * folder (removed afterwards), the work tree validated as `kostra validate` does.
 */
export async function runReview(root: string, options: RunReviewOptions = {}): Promise<{ review: Review; head: ValidationResult }> {
  const base = resolveBase(root, options.base);
  const dir = await extractBase(root, base.commit);
  try {
    // The base is what was merged: loaded as validated (its MDX bodies are not compiled again).
    const [{ registry: baseRegistry }, head] = await Promise.all([loadContent(dir, { validated: true }), validateContent(root)]);
    const review = reviewRegistries({ base: baseRegistry, head: head.registry, baseRef: base, files: changedFiles(root, base.commit), today: options.today ?? new Date().toISOString().slice(0, 10), invalid: head.findings.filter((f) => f.severity === "error").map(formatFinding) });
    return { review, head };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
