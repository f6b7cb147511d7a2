import type { Readable, Writable } from "node:stream";
import { redactNationalIds } from "../guard/redact.ts";

/**
 * Passes a build step's output on line by line with every national identity number hidden: a step
 * (Astro, pagefind) may quote content in an error or a stack trace, and that output is printed
 * and logged. Control codes pass unchanged: they are the tools' own colours; content with control
 * characters never reaches a step, since validation refuses it first.
 */
export function passRedacted(from: Readable, to: Writable): void {
  let pending = "";
  from.setEncoding("utf8");
  from.on("data", (chunk: string) => {
    pending += chunk;
    const end = pending.lastIndexOf("\n");
    if (end === -1) return;
    to.write(redactNationalIds(pending.slice(0, end + 1)));
    pending = pending.slice(end + 1);
  });
  from.on("end", () => {
    if (pending) to.write(redactNationalIds(pending));
    pending = "";
  });
}
