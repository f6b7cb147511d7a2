import type { Change, ChangeSet } from "./change.ts";

const show = (v: string | number | boolean | undefined) => (v === undefined ? "(none)" : typeof v === "string" ? `"${v.replace(/\s+/g, " ").trim()}"` : String(v));
const segments = (c: Change) => c.textDiff?.filter((s) => s.op !== "same").map((s) => `${s.op === "added" ? "+" : "-"}"${s.text.trim().replace(/\s+/g, " ")}"`).join(" ");
/** An added or removed field's definition, in one line. */
const definition = (s: NonNullable<Change["before"]>) =>
  [
    `"${s.description ?? s.label ?? ""}"`.replace(/\s+/g, " "),
    s.position !== undefined && s.length !== undefined ? `${s.position}–${s.position + s.length - 1}` : undefined,
    s.length !== undefined ? `length ${s.length}` : undefined,
    s.dataType ?? undefined,
    s.datePattern ? `date ${s.datePattern}` : undefined,
    s.mandatory ? "mandatory" : undefined,
    s.codelist ? `codelist ${s.codelist}` : undefined,
    s.codes?.length ? `${s.codes.length} code(s): ${s.codes.map((c) => c.code).join(", ")}` : undefined,
  ]
    .filter(Boolean)
    .join(", ");

/** One change in a line of English: what the code, field or control became. */
export const describeChange = (c: Change): string => {
  if (c.element !== undefined) {
    let detail: string;
    if (c.type.startsWith("field-code-")) detail = c.type === "field-code-relabelled" ? `code ${c.code}: "${c.before?.label}" → "${c.after?.label}"` : `code ${c.code} "${c.after?.label ?? c.before?.label}"`;
    else if (c.aspect !== undefined) detail = `${c.aspect} ${show(c.before?.value)} → ${show(c.after?.value)}${c.textDiff && c.type === "field-text-changed" ? ` (${segments(c)})` : ""}`;
    else if (c.type.startsWith("schema-rule-")) detail = [c.before?.rule, c.after?.rule].filter(Boolean).join(" → ");
    else if (c.type.startsWith("field-made")) detail = `mandatory ${c.before?.mandatory} → ${c.after?.mandatory}`;
    else if (c.type === "control-condition-changed") detail = `${c.before?.when || "(not expressed)"} → ${c.after?.when || "(not expressed)"}`;
    else if (c.type === "control-text-changed") detail = segments(c) ?? "";
    else if (c.type.startsWith("field-")) detail = definition((c.after ?? c.before)!);
    else if (c.before?.severity || c.after?.severity) detail = c.before && c.after ? `${c.before.severity} → ${c.after.severity}` : `${c.after?.severity ?? c.before?.severity} "${c.after?.label ?? c.before?.label ?? ""}"`;
    else detail = `"${c.after?.label ?? c.before?.label ?? ""}"`;
    return `${c.elementKind} ${c.element}: ${detail}`;
  }
  switch (c.type) {
    case "code-renamed":
      return `${c.code}: "${c.before?.label}" → "${c.after?.label}"`;
    case "code-notes-changed":
      return `${c.code}: notes changed (${c.textDiff?.filter((s) => s.op !== "same").map((s) => `${s.op === "added" ? "+" : "-"}"${s.text.trim().replace(/\s+/g, " ")}"`).join(" ")})`;
    case "code-added":
      return `${c.code} "${c.after?.label}"`;
    case "code-removed":
      return `${c.code} "${c.before?.label}"`;
    case "code-moved":
      return `${c.code}: parent ${c.before?.parent ?? "(none)"} → ${c.after?.parent ?? "(none)"}`;
    case "code-deprecated":
    case "code-withdrawn":
      return `${c.code} "${c.after?.label}", withdrawn from ${c.after?.withdrawnFrom}`;
    case "code-reactivated":
      return `${c.code} "${c.after?.label}"`;
    case "codelist-added":
    case "codelist-discontinued":
      return "";
    default:
      return `${c.from?.join(", ")} → ${c.to?.join(", ")}`;
  }
};

/** The change set as text for people: grouped by working group and item, breaking first. */
export function formatChangeSetText(set: ChangeSet): string {
  const s = set.summary;
  const lines = [
    `Changes from reporting year ${set.from} to ${set.to}: ${s.changes} change(s)`,
    `  senders:   ${s.sender.breaking} breaking, ${s.sender.compatible} compatible, ${s.sender["label-only"]} label-only, ${s.sender.none} none`,
    `  consumers: ${s.consumer.breaking} breaking, ${s.consumer.compatible} compatible, ${s.consumer["label-only"]} label-only, ${s.consumer.none} none`,
    `  ${s.notJustified} not justified by a proposal, ${s.notCarriedOut} declared but not carried out`,
  ];
  let group = "";
  for (const c of set.changes) {
    const heading = `${c.workingGroup} · ${c.itemKind} ${c.item} "${c.itemName}"`;
    if (heading !== group) lines.push("", heading);
    group = heading;
    const trace = c.justified ? `← ${c.proposals.join(", ")}` : "NOT JUSTIFIED";
    lines.push(`  ${c.year}  ${c.type.padEnd(20)} sender ${c.sender.padEnd(10)} consumer ${c.consumer.padEnd(10)} ${describeChange(c)}  ${trace}`.replace(/ +$/, ""));
  }
  if (set.notCarriedOut.length) {
    lines.push("", "Declared but not carried out:");
    for (const n of set.notCarriedOut) lines.push(`  ${n.proposal} (${n.targetYear}): ${n.item}${n.code ? ` ${n.code}` : ""} — ${n.description}`);
  }
  if (set.withoutSource?.length) {
    lines.push("", `No source for ${set.to} (assumed unchanged, not compared):`);
    for (const w of set.withoutSource) lines.push(`  ${w.itemKind} ${w.item}: no source after ${w.confirmedTo}`);
  }
  return lines.join("\n") + "\n";
}
