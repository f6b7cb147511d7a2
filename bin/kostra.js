#!/usr/bin/env node
// The `kostra` command. The core is TypeScript; tsx loads it without a build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/lib/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
