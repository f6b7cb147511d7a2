/**
 * The API can be written by two processes at once: the build's API step takes codelists from the
 * first, a second process (started when a core is free) from the last, and the first writes the
 * index with the second's resources in their place. The API must come out byte for byte as one
 * process writes it, and nothing the second wrote may reach the index unchecked.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { BUNDLED_CONTENT_ROOT } from "../src/lib/load/content-root.ts";
import { loadContent } from "../src/lib/load/load-content.ts";
import type { Registry } from "../src/lib/model/registry.ts";
import { codelistFilesFromEnd, exportFiles, writeExports, writeFiles } from "../src/lib/export/write.ts";
import { everyCodelistTaken, sharedThrough, type CodelistShare } from "../src/lib/export/codelist-share.ts";
import { exportsStep } from "../src/lib/build/exports-step.ts";
import { writeAllowedHashes } from "../src/lib/guard/allowed-hashes.ts";
import { API_HOLDS_PERSONAL_DATA } from "../src/lib/guard/output-check.ts";
import { fixtureWith, tempDir } from "./helpers.ts";
import { makeNationalId } from "./national-ids.ts";

const SITE = "https://kostra-registeret.example";

/** Every file under a folder, by its path there, with its bytes. */
function filesUnder(dir: string): Map<string, Buffer> {
  const paths = (readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[]).filter((p) => statSync(join(dir, p)).isFile());
  return new Map(paths.sort().map((p) => [p, readFileSync(join(dir, p))]));
}

/** A share that gives this process at most `n` codelists, as if the other process had taken the rest. */
const atMost = (share: CodelistShare, n: number): CodelistShare => ({ ...share, take: (id) => n-- > 0 && share.take(id) });

let registry: Registry;
beforeAll(async () => {
  registry = (await loadContent(BUNDLED_CONTENT_ROOT)).registry;
});

let stderr: string;
beforeEach(() => {
  stderr = "";
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  // The step's line of what it wrote.
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

describe("the API written by two processes", () => {
  it("is byte for byte the API one process writes, the index listing the second's codelists in their place", async () => {
    const alone = tempDir("api-alone");
    await writeExports(registry, alone, SITE);
    const shared = tempDir("api-shared");
    const dir = join(tempDir("api-share"), "codelists");
    // The second process takes the last five codelists; the first finds them taken and waits for their resources.
    const second = writeFiles(codelistFilesFromEnd(registry, SITE, atMost(sharedThrough(dir), 5)), shared);
    expect(second.files).toBeGreaterThan(0);
    const first = writeFiles(exportFiles(registry, SITE, sharedThrough(dir)), shared);
    expect(everyCodelistTaken(dir)).toBe(true);
    const [a, b] = [filesUnder(alone), filesUnder(shared)];
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [path, bytes] of a) expect(Buffer.compare(b.get(path)!, bytes), path).toBe(0);
    expect(first.files + second.files).toBe(a.size);
    // The codelists the second wrote are the last ones, listed in the index where one process lists them.
    const last = [...registry.codelists.keys()].slice(-5);
    for (const id of last) expect(existsSync(join(dir, `${id}.json`)), id).toBe(true);
    expect(existsSync(join(dir, `${[...registry.codelists.keys()][0]}.json`))).toBe(false);
  });

  it("waits for a codelist the other process took, and says so when it never comes", () => {
    const dir = join(tempDir("api-share"), "codelists");
    const share = sharedThrough(dir, 100);
    const other = sharedThrough(dir);
    expect(other.take("plantype")).toBe(true);
    expect(share.take("plantype")).toBe(false);
    expect(() => share.resourcesOf("plantype")).toThrow("the API's second process took the codelist plantype and did not finish it in 0.1 s");
    other.finished("plantype", [{ kind: "codelist", id: "plantype", files: [] }]);
    expect(share.resourcesOf("plantype")).toEqual([{ kind: "codelist", id: "plantype", files: [] }]);
  });

  it("the second process hands over no codelist with a number in it: it stops, naming the file, and the first never indexes it", async () => {
    const content = fixtureWith();
    const file = join(content, "codelists", "farger", "2022.yaml");
    const id = makeNationalId("150385");
    writeFileSync(file, readFileSync(file, "utf8").replace("Himmelblå", `Himmelblå ${id}`));
    const staging = tempDir("api-staging");
    await writeAllowedHashes(staging, []);
    expect(await exportsStep(content, staging, true)).toBe(API_HOLDS_PERSONAL_DATA);
    expect(stderr).toMatch(/api\/v1\/codelists\/farger\/2022\.json: the file/);
    expect(stderr.replace(/\D/g, "")).not.toContain(id);
    // Taken, never finished: the first process would wait for it (and the build stops both).
    expect(existsSync(join(staging, "api-codelists", "farger"))).toBe(true);
    expect(existsSync(join(staging, "api-codelists", "farger.json"))).toBe(false);
  });

  it("the second process does not load the content when the first has taken every codelist", async () => {
    const content = fixtureWith();
    const staging = tempDir("api-staging");
    await writeAllowedHashes(staging, []);
    expect(await exportsStep(content, staging)).toBe(0);
    const before = filesUnder(join(staging, "api"));
    expect(await exportsStep(content, staging, true)).toBe(0);
    expect(existsSync(join(staging, "fingerprints", "exports-from-end.json"))).toBe(false);
    expect(filesUnder(join(staging, "api"))).toEqual(before);
  });
});
