/**
 * Cheap checks of an MDX body, one pass over its text, before it is compiled. The MDX parser
 * (micromark) is quadratic or worse in several shapes of text and recursive in nesting. Measured on
 * this machine before these checks: 80 KB of `*a` took 55 s and more to compile, 400 KB more than
 * 300 s; 100 KB of `>` 99 s before the stack overflowed; 64 KB of `- - - - - a` lines 29 s, of
 * setext headings (`a` over `===`) 11 s. Prose is nothing like that (the longest real body is 6 KB,
 * nested two or three levels), so the limits below are far from real text and keep a body's compile
 * to about a second at most. What they do not foresee, the compile's time budget (body-check.ts)
 * bounds: every body ends in a finding or passes within it.
 */

/** The longest body checked, in UTF-8 bytes: ten times the longest real one. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The deepest nesting on one line: block quotes (`>`) and list items (`-`, `*`, `+`, `1.`) written
 * on it, plus the list levels its indentation can open (one for every 2 columns). markdown-it, which
 * renders bodies, stops nesting at 100 (two a list level); micromark takes seconds from a few hundred
 * levels and overflows its stack from about a thousand.
 */
export const MAX_NESTING = 20;

/**
 * The most emphasis markers (runs of `*`, and of `_` not inside a word) and the most brackets (`[`,
 * `]`) in one paragraph (text between blank lines): the parser matches each closing one against
 * every opening one before it. 500 compile in about 20 ms.
 */
export const MAX_MARKERS = 500;

/**
 * The most block quote and list item markers (`>`, `-`, `*`, `+`, `1.` at the start of a line) in a
 * body, and the most setext headings (a line of `=` or `-` under text): the parser walks back over
 * the body so far at each container it opens or closes and at each setext heading. 64 KB holding
 * 2,000 block quotes or list items compile in 0.5–2 s; 13,000 block quotes took more than 30 s.
 */
export const MAX_CONTAINER_MARKERS = 2_000;
export const MAX_SETEXT_HEADINGS = 200;

/** What is wrong with a body, where (line and column in the file), and what would be right. */
export interface BodyProblem {
  line: number;
  column: number;
  message: string;
  expected: string;
}

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
const SPACE = 32;
const TAB = 9;
const isSpace = (c: number) => c === SPACE || c === TAB;

/**
 * The first problem with a body that would make it too costly to compile or render, if any. Lines
 * are counted from `firstLine`, the line of the file the body starts on.
 */
export function bodyBudget(body: string, firstLine = 1): BodyProblem | undefined {
  const text = body;
  // The shape is checked first, so that a long body of `>` is told it is too deeply nested; over as
  // much text as a body may have, so that the scan is bounded too.
  const n = Math.min(text.length, MAX_BODY_BYTES);
  let line = firstLine;
  let blockLine = firstLine;
  let emphasis = 0;
  let brackets = 0;
  let containers = 0;
  let setext = 0;
  let previousBlank = true;
  /** The first line with text: where a finding about the whole body is placed. */
  let textLine = 0;
  /** The fence (``` or ~~~, with its length) of a code block at the top level, while in one. */
  let fence = "";
  for (let start = 0; start <= n; line++) {
    let end = text.indexOf("\n", start);
    if (end === -1 || end > n) end = n;

    // Indentation.
    let i = start;
    let indent = 0;
    while (i < end && isSpace(text.charCodeAt(i))) {
      indent += text.charCodeAt(i) === TAB ? 4 - (indent % 4) : 1;
      i++;
    }
    const blank = i >= end || (i === end - 1 && text.charCodeAt(i) === 13);
    const fenceHere = indent < 4 ? fenceRun(text, i, end) : "";
    if (fence) {
      // Code: literal text until the closing fence.
      if (fenceHere && fenceHere[0] === fence[0] && fenceHere.length >= fence.length) fence = "";
      start = end + 1;
      continue;
    }
    if (fenceHere) fence = fenceHere;
    if (blank) {
      emphasis = 0;
      brackets = 0;
      blockLine = line + 1;
      previousBlank = true;
      start = end + 1;
      continue;
    }

    // Block quotes and list items written at the start of the line.
    const at = (i: number, message: string, expected: string): BodyProblem => ({ line, column: i - start + 1, message, expected });
    let nesting = Math.floor(indent / 2);
    if (nesting > MAX_NESTING) return tooDeep(at(start, "", ""));
    for (;;) {
      const c = text.charCodeAt(i);
      let next = -1;
      if (c === 62 /* > */ || c === 45 /* - */ || c === 42 /* * */ || c === 43 /* + */) next = i + 1;
      else if (c >= 48 && c <= 57) {
        let k = i;
        while (k < end && k - i < 9 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
        const d = text.charCodeAt(k);
        if (d === 46 /* . */ || d === 41 /* ) */) next = k + 1;
      }
      if (next === -1) break;
      // A list marker is followed by white space or the end of the line; `>` needs neither.
      if (c !== 62 && next < end && !isSpace(text.charCodeAt(next))) break;
      if (++nesting > MAX_NESTING) return tooDeep(at(i, "", ""));
      if (++containers > MAX_CONTAINER_MARKERS) {
        return at(
          i,
          `too many block quotes and list items to check (over ${MAX_CONTAINER_MARKERS} markers > - * + 1. at the start of lines in the body)`,
          `at most ${MAX_CONTAINER_MARKERS}: shorter lists and quotations, or plain paragraphs`,
        );
      }
      i = next;
      while (i < end && isSpace(text.charCodeAt(i))) i++;
    }

    // A setext heading's underline: a line of = or - under a line of text.
    const u = text.charCodeAt(i);
    if (!previousBlank && indent < 4 && (u === 61 /* = */ || u === 45) && /^(=+|-+)[ \t\r]*$/.test(text.slice(i, end)) && ++setext > MAX_SETEXT_HEADINGS) {
      return at(i, `too many setext headings to check (over ${MAX_SETEXT_HEADINGS} lines of = or - under text)`, `at most ${MAX_SETEXT_HEADINGS}: write headings as "# Heading" or "## Heading", or put a blank line before a line of ---`);
    }
    previousBlank = false;
    textLine ||= line;

    // Emphasis markers and brackets in the paragraph.
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 92 /* \ */) {
        i++;
        continue;
      }
      if (c === 42 /* * */ || c === 95 /* _ */) {
        let k = i;
        while (k < end && text.charCodeAt(k) === c) k++;
        // `_` inside a word (snake_case) neither opens nor closes emphasis.
        if (c === 42 || !(i > start && isWordChar(text.charCodeAt(i - 1)) && k < end && isWordChar(text.charCodeAt(k)))) emphasis++;
        if (emphasis > MAX_MARKERS) {
          return at(
            i,
            `too many emphasis markers to check in one paragraph (over ${MAX_MARKERS} runs of * or _ in the paragraph from line ${blockLine})`,
            `at most ${MAX_MARKERS} in a paragraph: split it with blank lines, or escape literal ones as \\* and \\_`,
          );
        }
        i = k - 1;
      } else if ((c === 91 /* [ */ || c === 93) /* ] */ && ++brackets > MAX_MARKERS) {
        return at(
          i,
          `too many brackets to check in one paragraph (over ${MAX_MARKERS} [ and ] in the paragraph from line ${blockLine})`,
          `at most ${MAX_MARKERS} in a paragraph: split it with blank lines, or escape literal ones as \\[ and \\]`,
        );
      }
    }
    start = end + 1;
  }
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_BODY_BYTES) {
    return {
      line: textLine || firstLine,
      column: 1,
      message: `the body is too long to check (${bytes} bytes)`,
      expected: `a body of at most ${MAX_BODY_BYTES} bytes (the longest real one is about 6,000): shorten it, or link to a longer document`,
    };
  }
  return undefined;
}

const tooDeep = (place: BodyProblem): BodyProblem => ({
  ...place,
  message: `the text is too deeply nested to check (over ${MAX_NESTING} levels of block quotes >, list items and indentation on one line)`,
  expected: `at most ${MAX_NESTING} levels: block quotes (>) and list items written on a line, and one level for every 2 columns it is indented (prose needs two or three)`,
});

/** The code fence (a run of 3 or more ` or ~) that opens the line at `i`, else "". */
function fenceRun(text: string, i: number, end: number): string {
  const c = text.charCodeAt(i);
  if (c !== 96 && c !== 126) return "";
  let k = i;
  while (k < end && text.charCodeAt(k) === c) k++;
  if (k - i < 3) return "";
  // A backtick fence's info string has no backtick (```a`b is inline code, not a fence).
  if (c === 96 && text.slice(k, end).includes("`")) return "";
  return text.slice(i, k);
}
