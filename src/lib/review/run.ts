import { rmSync } from "node:fs";
import { formatFinding } from "../guard/print-finding.ts";
import { loadContent, type SharedLoads } from "../load/load-content.ts";
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
  // git writes the base out in processes of its own while the work tree is validated.
  const extracting = extractBase(root, base.commit);
  extracting.catch(() => undefined);
  let dir: string | undefined;
  try {
    // The work tree first, then the base: the files the branch left alone are parsed once.
    const shared: SharedLoads = new Map();
    const head = await validateContent(root, { shared });
    dir = await extracting;
    // The base is what was merged: loaded as validated (its MDX bodies are not compiled again).
    const { registry: baseRegistry } = await loadContent(dir, { validated: true, shared });
    const review = reviewRegistries({ base: baseRegistry, head: head.registry, baseRef: base, files: changedFiles(root, base.commit), today: options.today ?? new Date().toISOString().slice(0, 10), invalid: head.findings.filter((f) => f.severity === "error").map(formatFinding) });
    return { review, head };
  } finally {
    const made = dir ?? (await extracting.catch(() => undefined));
    if (made) rmSync(made, { recursive: true, force: true });
  }
}
