/**
 * Nothing slips between the check and the publish: each step of `kostra build` reads the content
 * root in a process of its own, so a file edited, added or removed after validation would reach the
 * site unchecked. The build compares what every step read with what validation checked and
 * publishes nothing when they differ. The API, where the first step goes on to write it, is made
 * from the content validation loaded: nothing is read again.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureWith, REPO, tempDir } from "./helpers.ts";
import { makeNationalId } from "./national-ids.ts";
import { contentChangedDuringBuild, writeFingerprint } from "../src/lib/load/fingerprint.ts";

const walk = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)])) : []);

/** A build paused right after validation; `edit` runs there, then the build goes on to its end. */
async function buildEditedAfterValidation(content: string, out: string, edit: () => void): Promise<{ status: number | null; output: string }> {
  const marker = join(tempDir("pause"), "validated");
  const child = spawn(process.execPath, [join(REPO, "bin", "kostra.js"), "build", "--content", content, "--out", out], { env: { ...process.env, KOSTRA_CONTENT_DIR: "", KOSTRA_TEST_PAUSE_AFTER_VALIDATION: marker }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const ended = new Promise<number | null>((done) => child.on("close", done));
  for (let waited = 0; !existsSync(marker); waited += 100) {
    if (waited > 120_000) throw new Error(`the build never reached validation's end:\n${output}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  edit();
  writeFileSync(`${marker}.go`, "");
  return { status: await ended, output };
}

describe("the build publishes only the content it validated", () => {
  it("stops when a file is edited after validation: the unchecked number reaches no output, and the message names the file", async () => {
    const content = fixtureWith();
    const out = join(tempDir("out"), "dist");
    const id = makeNationalId("150385");
    const file = join(content, "codelists", "farger", "2022.yaml");
    const { status, output } = await buildEditedAfterValidation(content, out, () => writeFileSync(file, readFileSync(file, "utf8").replace("Himmelblå", `Himmelblå ${id}`)));
    expect(status).toBe(1);
    expect(output).toContain("the content changed while the build ran");
    expect(output).toContain("codelists/farger/2022.yaml (changed after validation)");
    expect(output.replace(/\D/g, "")).not.toContain(id);
    // Nothing published, nothing left beside the output.
    expect(existsSync(out)).toBe(false);
    const beside = walk(join(out, ".."));
    expect(beside).toEqual([]);
  }, 240_000);

  it("stops when a file is added after validation", async () => {
    const content = fixtureWith();
    const out = join(tempDir("out"), "dist");
    const group = (id: string) => join(content, "content", "working-groups", `${id}.yaml`);
    const { status, output } = await buildEditedAfterValidation(content, out, () => writeFileSync(group("wg3"), readFileSync(group("wg"), "utf8").replace(/^id: wg$/m, "id: wg3")));
    expect(status).toBe(1);
    expect(output).toContain("content/working-groups/wg3.yaml (added after validation)");
    expect(existsSync(out)).toBe(false);
  }, 240_000);

  it("writes the API, in the first step's process, from the content validation checked, after telling the build validation is done", async () => {
    const content = fixtureWith();
    const staging = tempDir("staging");
    const marker = join(tempDir("pause"), "validated");
    const told: unknown[] = [];
    const child = spawn(process.execPath, [join(REPO, "bin", "kostra.js"), "build-step", "prepare-then-api", "--content", content, staging], { env: { ...process.env, KOSTRA_CONTENT_DIR: "", KOSTRA_TEST_PAUSE_AFTER_VALIDATION: marker }, stdio: ["ignore", "pipe", "pipe", "ipc"] });
    let output = "";
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));
    child.on("message", (m) => told.push(m));
    const ended = new Promise<number | null>((done) => child.on("close", done));
    for (let waited = 0; !existsSync(marker); waited += 100) {
      if (waited > 60_000) throw new Error(`the step never reached validation's end:\n${output}`);
      await new Promise((done) => setTimeout(done, 100));
    }
    // An edit after validation: the API is not made from it, and says it read what was validated.
    const file = join(content, "codelists", "farger", "2022.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("Himmelblå", "Himmelgrå"));
    writeFileSync(`${marker}.go`, "");
    expect(await ended, output).toBe(0);
    expect(told).toEqual(["prepared"]);
    expect(readFileSync(join(staging, "api", "v1", "codelists", "farger", "2022.json"), "utf8")).toContain("Himmelblå");
    expect(existsSync(join(staging, "search-records.jsonl"))).toBe(true);
    expect(contentChangedDuringBuild(join(staging, "fingerprints"), ["exports"])).toEqual([]);
  }, 120_000);

  it("compares every later step's fingerprint with validation's, and a step that recorded none counts as a change", () => {
    const dir = tempDir("fingerprints");
    writeFingerprint(dir, "validated", { "a.yaml": "1", "b.yaml": "2" });
    writeFingerprint(dir, "exports", { "a.yaml": "1", "b.yaml": "2" });
    expect(contentChangedDuringBuild(dir, ["exports"])).toEqual([]);
    expect(contentChangedDuringBuild(dir, ["exports", "pages"])).toEqual(["(the pages step recorded no fingerprint of the content it read)"]);
    writeFingerprint(dir, "pages", { "a.yaml": "9", "c.yaml": "3" });
    expect(contentChangedDuringBuild(dir, ["exports", "pages"])).toEqual(["a.yaml (changed after validation)", "c.yaml (added after validation)", "b.yaml (removed after validation)"]);
  });

  it("takes no half-written fingerprint for a step's (a step stopped while it wrote one)", () => {
    const dir = tempDir("fingerprints");
    writeFingerprint(dir, "validated", { "a.yaml": "1" });
    writeFingerprint(dir, "exports", { "a.yaml": "1" });
    // What a step stopped while writing leaves: the file it writes before renaming it.
    writeFileSync(join(dir, "pages.json.partial"), '{"a.yaml":');
    expect(contentChangedDuringBuild(dir, ["exports"])).toEqual([]);
    writeFingerprint(dir, "pages", { "a.yaml": "1" });
    expect(readdirSync(dir).sort()).toEqual(["exports.json", "pages.json", "validated.json"]);
  });
});
