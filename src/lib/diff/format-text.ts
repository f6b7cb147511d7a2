import type { Change, ChangeSet } from "./change.ts";

const describe = (c: Change): string => {
  if (c.element !== undefined) {
    const text = c.type.endsWith("text-changed") ? c.textDiff?.filter((s) => s.op !== "same").map((s) => `${s.op === "added" ? "+" : "-"}"${s.text.trim().replace(/\s+/g, " ")}"`).join(" ") : undefined;
    const addedOrRemoved = /added|removed/.test(c.type);
    const detail = text ?? (c.type.startsWith("field-made") ? `mandatory ${c.before?.mandatory} → ${c.after?.mandatory}` : c.type === "field-codelist-changed" ? `${c.before?.codelist ?? "none"} → ${c.after?.codelist ?? "none"}` : c.type === "control-condition-changed" ? `${c.before?.when || "(not expressed)"} → ${c.after?.when || "(not expressed)"}` : addedOrRemoved ? `"${c.after?.label ?? c.before?.label ?? ""}"` : c.before?.format !== undefined || c.after?.format !== undefined ? `${c.before?.format ?? ""} → ${c.after?.format ?? ""}` : c.before?.severity || c.after?.severity ? `${c.before?.severity ?? ""} → ${c.after?.severity ?? ""}` : `"${c.after?.label ?? c.before?.label ?? ""}"`);
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
    lines.push(`  ${c.year}  ${c.type.padEnd(20)} sender ${c.sender.padEnd(10)} consumer ${c.consumer.padEnd(10)} ${describe(c)}  ${trace}`.replace(/ +$/, ""));
  }
  if (set.notCarriedOut.length) {
    lines.push("", "Declared but not carried out:");
    for (const n of set.notCarriedOut) lines.push(`  ${n.proposal} (${n.targetYear}): ${n.item}${n.code ? ` ${n.code}` : ""} — ${n.description}`);
  }
  return lines.join("\n") + "\n";
}
