import type { CheckPlan } from "../src/lib/check/plan.ts";
import { codesKey } from "../src/lib/check/plan.ts";

/**
 * A line of a fixed-width extract that the file description allows: every field filled as its type
 * says (a code field with its first valid code, an integer with 0, a date in its pattern), padded to
 * its columns. `values` sets fields by name (the text is padded or cut to the field's length).
 */
export function validLine(plan: CheckPlan, values: Record<string, string> = {}): string {
  const record = plan.version.records![0];
  let line = "";
  for (const field of record.fields) {
    const length = field.length!;
    const codes = plan.codes[codesKey(record.id, field.name)];
    let value = values[field.name];
    if (value === undefined) {
      if (codes) value = codes.valid.find((c) => c.trim() !== "") ?? codes.valid[0];
      else if (field.dataType === "INTEGER_TYPE") value = "0".padStart(length, " ");
      else if (field.dataType === "DATE_TYPE") value = (field.datePattern ?? "ddMMyyyy").replace("dd", "15").replace("MM", "06").replace("yyyy", String(plan.year)).replace("yy", String(plan.year).slice(2));
      else value = "X";
    }
    line += field.dataType === "INTEGER_TYPE" ? value.padStart(length, " ").slice(0, length) : value.padEnd(length, " ").slice(0, length);
  }
  return line;
}

/** Text as chunks of bytes, as a file is read. */
export function* chunksOf(bytes: Uint8Array, size = 64 * 1024): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}
