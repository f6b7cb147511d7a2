import { CLASS_RULES } from "../diff/classify.ts";
import { GENERATED_END, GENERATED_START } from "./content-format.ts";

/** The classification rules as a Markdown table. */
export function renderChangeClassRules(): string {
  const rows = Object.entries(CLASS_RULES).map(([type, r]) => `| \`${type}\` | ${r.sender} | ${r.consumer} | ${r.why} |`);
  return [GENERATED_START, "", "| change type | senders | consumers | why |", "| --- | --- | --- | --- |", ...rows, "", GENERATED_END].join("\n");
}
