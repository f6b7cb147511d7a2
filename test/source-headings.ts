import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REFERENCE_FILES } from "./helpers.ts";

/** Source 001: the barnevern working group's annual report for 2023, as text. */
export const REPORT_2023 = readFileSync(join(REFERENCE_FILES, "seeds", "001_82c6c90c8b3d8844.txt"), "utf8");

/**
 * The numbered chapter headings of a report's text, in order, as `<number> <title>`: a line that
 * is a chapter number of at most two digits a part (`6`, `6.4.3.1`, not a table number such as
 * 12279 or an account such as 050), a space and a title starting with a capital letter. List items
 * (`1. Omsorgsstønad`) have a dot after the number and are not headings.
 */
export function chapterHeadings(text: string): string[] {
  const headings: string[] = [];
  for (const line of text.split("\n")) {
    const m = /^\s*([1-9]\d?(?:\.\d{1,2})*) +(\p{Lu}.*?)\s*$/u.exec(line);
    if (m) headings.push(`${m[1]} ${m[2].replace(/\s+/g, " ")}`);
  }
  return headings;
}

/** Text with the source's line breaks, hyphenated breaks and runs of spaces made single spaces. */
export function normalised(text: string): string {
  return text.replace(/-[ \t]*\n\s*/g, "-").replace(/\s+/g, " ").trim();
}
