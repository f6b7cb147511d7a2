import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { validateContent } from "../validate/index.ts";
import { formatFinding } from "../guard/print-finding.ts";
import { lockDrift, yearHashes } from "../export/published-hashes.ts";
import { PLACEHOLDER_SITE, siteAddress } from "../site/address.ts";
import type { PublishedYear } from "../schema/index.ts";
import { publishedBefore, readPublishedHistory } from "../validate/published-history.ts";

export interface PublishOptions {
  correct?: boolean;
  what?: string;
  why?: string;
  decision?: string;
  date?: string;
}

const today = () => new Date().toISOString().slice(0, 10);

/** `kostra publish <year>`: freeze a reporting year, or record a correction of a frozen one. */
export async function runPublish(root: string, positionals: string[], options: PublishOptions): Promise<number> {
  const year = Number(positionals[0]);
  if (positionals.length !== 1 || !Number.isInteger(year)) {
    process.stderr.write("kostra publish: give one reporting year, e.g. `npx kostra publish 2023`\n");
    return 2;
  }
  // Published is forever: a year whose lock git history holds is never published afresh, even if the lock is gone.
  const lockPath = `content/published/${year}.json`;
  const before = existsSync(join(root, lockPath)) ? undefined : publishedBefore(readPublishedHistory(root), year);
  if (before) {
    const deleted = before.deletedIn ? `in commit ${before.deletedIn.short} (${before.deletedIn.date})` : "in the working tree";
    process.stderr.write(
      `kostra publish: ${year} was published ${before.publishedAt} (commit ${before.first.short}, ${before.first.date}) and its lock ${lockPath} has been deleted ${deleted}; ` +
        `a published year is never published again. Restore the lock with \`git checkout ${before.restoreFrom.short} -- ${lockPath}\`` +
        `${options.correct ? ", then record the correction" : "; a change to the year is then recorded with --correct"}\n`,
    );
    return 1;
  }
  const result = await validateContent(root, { skipPublishedYear: year });
  if (result.errors > 0) {
    for (const f of result.findings.filter((x) => x.severity === "error")) process.stderr.write(formatFinding(f) + "\n");
    process.stderr.write(`kostra publish: the content has ${result.errors} error(s); nothing published\n`);
    return 1;
  }
  const { registry } = result;
  if (!registry.reportingYears.includes(year)) {
    process.stderr.write(`kostra publish: ${year} is not a reporting year of this registry (${registry.reportingYears[0]}–${registry.lastYear})\n`);
    return 2;
  }
  // Hashed on the site's address now, which the lock records (absent: the placeholder); a correction
  // made on another address moves the year's JSON to it, and lists those files as changed.
  let site: string;
  try {
    site = siteAddress().url;
  } catch (e) {
    process.stderr.write(`kostra publish: ${(e as Error).message}\n`);
    return 2;
  }
  const now = yearHashes(registry, year, site);
  const recorded = site === PLACEHOLDER_SITE ? {} : { site };
  const path = join(root, "content", "published", `${year}.json`);
  const lock = registry.published.get(year);
  const date = options.date ?? today();
  let next: PublishedYear;
  if (!lock) {
    if (options.correct) {
      process.stderr.write(`kostra publish: ${year} is not published yet; publish it without --correct first\n`);
      return 2;
    }
    next = { year, publishedAt: date, ...recorded, files: now, corrections: [] };
  } else {
    if (!options.correct) {
      process.stderr.write(`kostra publish: ${year} was published ${lock.publishedAt}; to record a change, use --correct --what "…" --why "…" --decision "…"\n`);
      return 1;
    }
    const missing = (["what", "why", "decision"] as const).filter((k) => !options[k]?.trim());
    if (missing.length) {
      process.stderr.write(`kostra publish: a correction needs ${missing.map((m) => `--${m}`).join(", ")}\n`);
      return 2;
    }
    const { changed, added, removed } = lockDrift(lock.files, now);
    const touched = [...changed, ...added, ...removed].sort();
    if (!touched.length) {
      process.stderr.write(`kostra publish: nothing has changed in ${year} since it was published; no correction recorded\n`);
      return 1;
    }
    const files = Object.fromEntries(touched.map((p) => [p, { ...(lock.files[p] && { before: lock.files[p] }), ...(now[p] && { after: now[p] }) }]));
    const { site: _before, files: _files, corrections: _corrections, ...head } = lock;
    next = { ...head, ...recorded, files: now, corrections: [...lock.corrections, { date, what: options.what!.trim(), why: options.why!.trim(), decision: options.decision!.trim(), files }] };
  }
  await mkdir(join(root, "content", "published"), { recursive: true });
  await writeFile(path, JSON.stringify(next, null, 2) + "\n");
  const count = Object.keys(now).length;
  process.stdout.write(lock ? `kostra publish: recorded a correction of ${year} (${Object.keys(next.corrections.at(-1)!.files).length} file(s)) in ${path}\n` : `kostra publish: froze ${count} exports of reporting year ${year} in ${path}; commit it\n`);
  return 0;
}
