#!/usr/bin/env node
// The `kostra` command. The core is TypeScript; tsx loads it without a build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/lib/cli/main.ts");
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Even a bug's stack trace passes the guard: content quoted in it may hold a personal number.
  const { redactNationalIds } = await import("../src/lib/guard/redact.ts");
  const { escapeForTerminal } = await import("../src/lib/guard/clean-text.ts");
  const trace = String((error && error.stack) || error).split("\n").map((line) => escapeForTerminal(redactNationalIds(line)));
  process.stderr.write(`kostra: internal error (a bug: please report it with the lines below)\n${trace.join("\n")}\n`);
  process.exitCode = 70;
}
