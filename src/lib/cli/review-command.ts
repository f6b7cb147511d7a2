import { ReviewGitError } from "../review/git-base.ts";
import { reviewMarkdown, reviewText } from "../review/markdown.ts";
import { runReview } from "../review/run.ts";
import type { Review } from "../review/schema.ts";

const FORMATS = ["text", "markdown", "json"];
const FAIL_ON = ["breaking", "unjustified", "error"];

export interface ReviewCommandOptions {
  base?: string;
  format?: string;
  failOn?: string;
  siteUrl?: string;
  today?: string;
}

/** Whether the review fails the gate: `error` on errors, `unjustified` also on changes no proposal declares, `breaking` also on changes breaking for senders or consumers. */
export function failsGate(review: Review, failOn: string): boolean {
  const s = review.summary;
  if (s.errors > 0) return true;
  if (failOn === "unjustified" || failOn === "breaking") if (s.notJustified > 0) return true;
  if (failOn === "breaking") return s.sender.breaking + s.consumer.breaking > 0;
  return false;
}

/**
 * `kostra review [--base REF] [--format text|markdown|json] [--fail-on breaking|unjustified|error]`:
 * what the work tree changes against its base, for a pull request. Exit 1 when the gate fails, 2 on
 * a usage or git problem (a shallow clone among them: never a pass on history it cannot see).
 */
export async function runReviewCommand(root: string, options: ReviewCommandOptions): Promise<number> {
  const format = options.format ?? (process.stdout.isTTY ? "text" : "markdown");
  const failOn = options.failOn ?? "error";
  if (!FORMATS.includes(format)) {
    process.stderr.write(`kostra review: unknown --format "${format}" (expected text, markdown or json)\n`);
    return 2;
  }
  if (!FAIL_ON.includes(failOn)) {
    process.stderr.write(`kostra review: unknown --fail-on "${failOn}" (expected breaking, unjustified or error)\n`);
    return 2;
  }
  if (options.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.today)) {
    process.stderr.write(`kostra review: --today must be YYYY-MM-DD (got "${options.today}")\n`);
    return 2;
  }
  const result = await reviewOrExit("review", root, options);
  if (typeof result === "number") return result;
  const { review, head } = result;
  // The report is written even so: a published year edited is both a validation error and the review's finding.
  if (head.errors > 0) process.stderr.write(`kostra review: the content has ${head.errors} error(s) (listed in the report); \`npx kostra validate\` shows them too\n`);
  process.stdout.write(format === "json" ? JSON.stringify(review, null, 2) + "\n" : format === "markdown" ? reviewMarkdown(review, { siteUrl: options.siteUrl }) : reviewText(review));
  return failsGate(review, failOn) ? 1 : 0;
}

/** The review of the branch, or exit code 2 with the git problem said (for `review` and `propose`). */
export async function reviewOrExit(command: string, root: string, options: { base?: string; today?: string }): Promise<Awaited<ReturnType<typeof runReview>> | number> {
  try {
    return await runReview(root, { base: options.base, today: options.today });
  } catch (e) {
    if (!(e instanceof ReviewGitError)) throw e;
    process.stderr.write(`kostra ${command}: ${e.message}\n`);
    return 2;
  }
}
