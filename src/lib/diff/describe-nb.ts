import type { Change } from "./change.ts";
import { CHANGE_ASPECT_NB } from "./labels.ts";
import { countNb } from "../text/count-nb.ts";

type State = NonNullable<Change["before"]>;

/** A value of an aspect as a page shows it: «ingen» when not set, ja/nei for yes and no. */
const valueNb = (v: State["value"]) => (v === undefined || v === "" ? "ingen" : typeof v === "boolean" ? (v ? "ja" : "nei") : String(v));

/** What a change is about, for the «Kode/felt» column: the code, the field, or the field and the code of its list. */
export function changeRefNb(c: Change): string {
  if (c.type.startsWith("field-code-")) return `${c.element} · kode ${c.code}`;
  return c.code ?? c.element ?? (c.from ? `${c.from.join(", ")} → ${c.to?.join(", ")}` : "");
}

/** The aspect a change is about, in Norwegian (`Lengde`), or undefined. */
export const aspectNb = (c: Change): string | undefined => (c.aspect ? CHANGE_ASPECT_NB[c.aspect] : undefined);

/** An added or removed field's definition in one line: description, columns, length, data type, date pattern, mandatory, codes. */
function definitionNb(s: State): string {
  return [
    s.description ?? s.label,
    s.position !== undefined && s.length !== undefined ? `posisjon ${s.position}–${s.position + s.length - 1}` : undefined,
    s.length !== undefined ? `lengde ${s.length}` : undefined,
    s.dataType,
    s.datePattern ? `dato-maske ${s.datePattern}` : undefined,
    s.mandatory ? "obligatorisk" : undefined,
    s.codelist ? `kodeliste ${s.codelist}` : undefined,
    s.codes?.length ? `${countNb(s.codes.length, "kode")}: ${s.codes.map((k) => k.code).join(", ")}` : undefined,
  ]
    .filter(Boolean)
    .join(" · ");
}

/** What changed, as «old → new» where there is an old and a new, for pages (the text diff is shown instead where there is one). */
export function changeWhatNb(c: Change): string {
  if (c.aspect !== undefined) return `${valueNb(c.before?.value)} → ${valueNb(c.after?.value)}`;
  if (c.type === "field-code-relabelled") return `${c.before?.label} → ${c.after?.label}`;
  if (c.type === "field-code-added") return c.after?.label ?? "";
  if (c.type === "field-code-removed") return c.before?.label ?? "";
  if (c.type.startsWith("schema-rule-")) return [c.before?.rule, c.after?.rule].filter(Boolean).join(" → ");
  if (c.before?.severity && c.after?.severity) return `${c.before.severity} → ${c.after.severity}`;
  if ((c.type === "field-added" || c.type === "field-added-mandatory" || c.type === "field-removed") && (c.after ?? c.before)) return definitionNb((c.after ?? c.before)!);
  if (c.before?.codelist !== c.after?.codelist && (c.before?.codelist || c.after?.codelist)) return `${c.before?.codelist ?? "ingen"} → ${c.after?.codelist ?? "ingen"}`;
  if (c.after?.parent !== undefined || c.before?.parent !== undefined) return `Overordnet: ${c.before?.parent ?? "ingen"} → ${c.after?.parent ?? "ingen"}`;
  return c.after?.label ?? c.before?.label ?? c.after?.severity ?? "";
}

/**
 * Which side of a text diff was empty: a description SSB gave for the first time (2024 `null`, 2025
 * «Fylkesnummer») is all added text, and the page then says «(ingen) → …» so that old and new stand
 * as they do for every other aspect.
 */
export function emptyTextSide(c: Change): "before" | "after" | undefined {
  if (!c.textDiff?.length) return undefined;
  if (c.textDiff.every((s) => s.op === "added")) return "before";
  if (c.textDiff.every((s) => s.op === "removed")) return "after";
  return undefined;
}

