/**
 * The page build's process keeps `String.prototype` a fast prototype although Astro's runtime
 * subclasses String, which in V8 turns it into a dictionary for good (every string method then 2–4
 * times slower). V8 tells which through `%HasFastProperties`, so this runs in a Node of its own with
 * `--allow-natives-syntax`.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "./helpers.ts";

const script = `
const fast = new Function("o", "return %HasFastProperties(o)");
const states = { atStart: fast(String.prototype) };
await import("astro");
states.afterAstro = fast(String.prototype);
const { keepStringPrototypeFast } = await import(${JSON.stringify(`${join(REPO, "src/integrations/fast-string-prototype.ts")}`)});
keepStringPrototypeFast();
states.afterKeeping = fast(String.prototype);
class Another extends String {}
void Another;
states.afterAnotherSubclass = fast(String.prototype);
process.stdout.write(JSON.stringify(states));
`;

describe("String.prototype in the page build", () => {
  it("is slowed by loading Astro, made fast again and stays fast when String is subclassed again", () => {
    const run = spawnSync(process.execPath, ["--allow-natives-syntax", "--import", "tsx", "--input-type=module", "-e", script], { cwd: REPO, encoding: "utf8" });
    expect(run.stderr.replace(/.*ExperimentalWarning.*\n?|.*--trace-warnings.*\n?/g, "")).toBe("");
    // Loading Astro's runtime is what slows it (were it not, the workaround could go).
    expect(JSON.parse(run.stdout)).toEqual({ atStart: true, afterAstro: false, afterKeeping: true, afterAnotherSubclass: true });
  });
});
