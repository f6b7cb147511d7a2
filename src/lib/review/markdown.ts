import type { Change } from "../diff/change.ts";
import { describeChange } from "../diff/format-text.ts";
import { cellText, codeSpan, linkTarget } from "../diff/markdown-cell.ts";
import { urls } from "../site/urls.ts";
import type { Review, ReviewYear } from "./schema.ts";

/**
 * The review as a pull/merge-request comment: a summary per audience first (what a reviewer reads
 * in the first screen), the problems, then each year's changes, one list item each, under `<details>`. GitHub refuses
 * comments over 65,536 characters: the details stop at `limit` with «… and N more».
 */

export const MARKDOWN_LIMIT = 60_000;
/** A marker the CI recipe finds its own comment by, to update it rather than add another. */
export const COMMENT_MARKER = "<!-- kostra-review -->";

const CLASSES = ["breaking", "compatible", "label-only", "none"] as const;

export interface MarkdownOptions {
  /** The site's address (`https://…`): items link to their pages there. Without it, item names are plain. */
  siteUrl?: string;
  limit?: number;
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export function reviewMarkdown(review: Review, options: MarkdownOptions = {}): string {
  const limit = options.limit ?? MARKDOWN_LIMIT;
  const s = review.summary;
  const head: string[] = [
    COMMENT_MARKER,
    `## KOSTRA review: ${s.changes} change(s) ${s.years.length ? `in reporting year ${s.years.join(", ")}` : "to no reporting year"}`,
    "",
    `Compared with ${codeSpan(review.base.ref)} (${codeSpan(review.base.commit.slice(0, 12))}).`,
    "",
  ];
  if (s.changes) {
    head.push("| audience | breaking | compatible | label-only | none |", "| --- | ---: | ---: | ---: | ---: |");
    head.push(`| senders | ${CLASSES.map((k) => s.sender[k]).join(" | ")} |`, `| consumers | ${CLASSES.map((k) => s.consumer[k]).join(" | ")} |`, "");
  }
  const verdict = [`${s.errors} error(s)`, `${s.warnings} warning(s)`, `${s.notJustified} change(s) not justified by a proposal`, `${s.notCarriedOut} declared change(s) not carried out`];
  head.push(`**${verdict.join(", ")}.**`, "");
  if (review.problems.length) {
    head.push("### Problems", "");
    for (const p of review.problems) head.push(`- ${p.severity === "error" ? "**error**" : "warning"}${p.year !== undefined ? ` (${p.year})` : ""}: ${cellText(p.message)}`);
    head.push("");
  }
  for (const y of review.years) head.push(...yearSummary(y));

  // The details, year by year, until the limit: a comment cut off in the middle of a list would not render.
  // One list item per change, not a table: six columns do not fit a phone's width, and a list wraps.
  const out = head.join("\n");
  const details: string[] = [];
  let size = out.length;
  let left = review.years.reduce((n, y) => n + y.changes.length + y.notCarriedOut.length, 0);
  for (const y of review.years) {
    const rows = [...y.changes.map((c) => changeRow(c, options.siteUrl)), ...y.notCarriedOut.map((n) => `- ${cellText(n.item)}${n.code ? ` ${cellText(n.code)}` : ""}: not carried out; proposal ${cellText(`${n.proposal}: ${n.description}`)}`)];
    const open = [`<details><summary>Reporting year ${y.year}: ${y.changes.length} change(s)${y.notCarriedOut.length ? `, ${y.notCarriedOut.length} not carried out` : ""}</summary>`, ""];
    const close = ["", "</details>", ""];
    const fixed = open.join("\n").length + close.join("\n").length + 200;
    if (size + fixed > limit) break;
    const kept: string[] = [];
    for (const row of rows) {
      if (size + fixed + row.length + 1 > limit) break;
      kept.push(row);
      size += row.length + 1;
    }
    if (!kept.length) break;
    details.push(...open, ...kept, ...close);
    size += fixed - 200;
    left -= kept.length;
    if (kept.length < rows.length) break;
  }
  const tail = left > 0 ? [`… and ${left} more (the whole review: \`npx kostra review --format json\`).`, ""] : [];
  return [out, ...details, ...tail].join("\n").replace(/\n+$/, "") + "\n";
}

function yearSummary(y: ReviewYear): string[] {
  const lines = [`### Reporting year ${y.year}${y.published ? " (published)" : ""}`, ""];
  const justified = y.changes.filter((c) => c.justified).length;
  lines.push(`${y.changes.length} change(s): ${justified} justified, ${y.changes.length - justified} not justified.`);
  if (y.nextYear) {
    const { before, after, from, to } = y.nextYear;
    const parts = (["sender", "consumer"] as const).flatMap((who) =>
      CLASSES.filter((k) => after[who][k] !== before[who][k]).map((k) => `${signed(after[who][k] - before[who][k])} ${k} for ${who}s`),
    );
    lines.push(parts.length ? `The ${from}→${to} changes gain ${parts.join(", ")}.` : `The ${from}→${to} changes keep their counts per class.`);
  }
  lines.push("");
  return lines;
}

function changeRow(c: Change, siteUrl?: string): string {
  const name = `${c.itemKind} ${c.item}`;
  const item = siteUrl ? `[${cellText(name)}](${linkTarget(siteUrl.replace(/\/$/, "") + urls.item(c.itemKind, c.item, c.year))})` : cellText(name);
  const what = describeChange(c);
  // The code or field is in the description (`describeChange` names the element and the code).
  const proposal = c.justified ? `proposal ${c.proposals.map((p) => (siteUrl ? `[${cellText(p)}](${linkTarget(siteUrl.replace(/\/$/, "") + urls.proposal(p))})` : cellText(p))).join(", ")}` : "**not justified**";
  return `- ${item}: ${codeSpan(c.type)}${what ? ` ${cellText(what)}` : ""}; senders: ${c.sender}, consumers: ${c.consumer}; ${proposal}`;
}

/** The review as text for a terminal: the same order, no markup. */
export function reviewText(review: Review): string {
  const s = review.summary;
  const lines = [
    `Review against ${review.base.ref} (${review.base.commit.slice(0, 12)}): ${s.changes} change(s)${s.years.length ? ` in reporting year ${s.years.join(", ")}` : ""}`,
    `  senders:   ${CLASSES.map((k) => `${s.sender[k]} ${k}`).join(", ")}`,
    `  consumers: ${CLASSES.map((k) => `${s.consumer[k]} ${k}`).join(", ")}`,
    `  ${s.errors} error(s), ${s.warnings} warning(s), ${s.notJustified} not justified, ${s.notCarriedOut} declared but not carried out`,
  ];
  for (const p of review.problems) lines.push(`${p.severity}: ${p.year !== undefined ? `${p.year}: ` : ""}${p.message}`);
  for (const y of review.years) {
    lines.push("", ...yearSummary(y).filter(Boolean).map((l) => l.replace(/^### /, "")));
    for (const c of y.changes) lines.push(`  ${c.type.padEnd(22)} ${`${c.itemKind} ${c.item}`.padEnd(24)} sender ${c.sender.padEnd(10)} consumer ${c.consumer.padEnd(10)} ${describeChange(c)}  ${c.justified ? `← ${c.proposals.join(", ")}` : "NOT JUSTIFIED"}`.replace(/ +$/, ""));
    for (const n of y.notCarriedOut) lines.push(`  not carried out: ${n.proposal}: ${n.item}${n.code ? ` ${n.code}` : ""} — ${n.description}`);
  }
  if (review.files.length) {
    lines.push("", "Files:");
    for (const f of review.files) lines.push(`  ${f.change.padEnd(7)} ${f.path}`);
  }
  return lines.join("\n") + "\n";
}
