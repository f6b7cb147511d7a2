import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { validateContent } from "../src/lib/validate/index.ts";
import { checkPublishedHistory, readPublishedHistory } from "../src/lib/validate/published-history.ts";
import { runPublish, type PublishOptions } from "../src/lib/cli/publish-command.ts";
import { yearHashes } from "../src/lib/export/published-hashes.ts";
import { exportFiles } from "../src/lib/export/write.ts";
import { jsonSchemaOf, schemaUrl } from "../src/lib/export/schemas.ts";
import { FIXTURES, fixtureWith, REPO, tempDir } from "./helpers.ts";

/**
 * «Published is forever» anchored in git: a lock file that was ever committed can be neither
 * deleted, published afresh, rewritten nor stripped of its corrections without `validate` failing.
 * Each test builds a scratch repository from the base fixture (which has a codelist «farger»
 * in force in 2022).
 */

const LOCK = "content/published/2022.json";
const scratchEnv = { ...process.env, GIT_AUTHOR_NAME: "Test", GIT_AUTHOR_EMAIL: "test@example.org", GIT_COMMITTER_NAME: "Test", GIT_COMMITTER_EMAIL: "test@example.org", GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };
const git = (dir: string, args: string[], date = "2025-03-01T12:00:00Z") =>
  execFileSync("git", ["-C", dir, ...args], { encoding: "utf8", env: { ...scratchEnv, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, stdio: ["ignore", "pipe", "pipe"] }).trim();
const commit = (dir: string, message: string, date: string) => {
  git(dir, ["add", "-A"], date);
  git(dir, ["commit", "-q", "-m", message], date);
  return git(dir, ["rev-parse", "HEAD"]).slice(0, 12);
};
const kostra = (args: string[]) => spawnSync(process.execPath, [join(REPO, "bin", "kostra.js"), ...args], { encoding: "utf8", env: { ...process.env, KOSTRA_CONTENT_DIR: "" }, timeout: 120_000 });

/** `kostra publish` in this process (a spawned CLI costs seconds): its exit code and what it wrote to stderr. */
async function publish(dir: string, options: PublishOptions = {}) {
  let stderr = "";
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  try {
    return { status: await runPublish(dir, ["2022"], options), stderr };
  } finally {
    err.mockRestore();
    out.mockRestore();
  }
}
const correction = { correct: true, what: "Kode 4 heter Lyseblå", why: "Skrivefeil i publisert liste", decision: "Vedtatt av arbeidsgruppen 2025-04-01", date: "2025-04-02" };

const readLock = (dir: string) => JSON.parse(readFileSync(join(dir, LOCK), "utf8"));
const writeLock = (dir: string, lock: unknown) => writeFileSync(join(dir, LOCK), JSON.stringify(lock, null, 2) + "\n");
const renameColour = (dir: string, to: string) => {
  const file = join(dir, "codelists/farger/2022.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace(/Himmelblå|Lyseblå/, to));
};
const errors = async (dir: string) => (await validateContent(dir)).findings.filter((f) => f.severity === "error");

/** A scratch repository: the base fixture committed (at the top, or in a subfolder), then 2022 published on 2025-03-01 and committed. */
async function publishedRepo(subfolder?: string) {
  const top = subfolder ? tempDir("repo") : fixtureWith();
  const dir = subfolder ? join(top, subfolder) : top;
  if (subfolder) cpSync(join(FIXTURES, "base"), dir, { recursive: true });
  git(top, ["init", "-q", "-b", "main"]);
  commit(top, "Content", "2025-01-15T12:00:00Z");
  expect((await publish(dir, { date: "2025-03-01" })).status).toBe(0);
  const published = commit(top, "Publish 2022", "2025-03-01T12:00:00Z");
  return { top, dir, published };
}

/** The lock after a legitimate, committed correction (2025-04-02). */
async function correctedRepo() {
  const repo = await publishedRepo();
  renameColour(repo.dir, "Lyseblå");
  const run = await publish(repo.dir, correction);
  expect(run.status, run.stderr).toBe(0);
  const corrected = commit(repo.dir, "Correct 2022", "2025-04-02T12:00:00Z");
  return { ...repo, corrected };
}

afterEach(() => vi.restoreAllMocks());

describe("published years against git history", () => {
  it("passes a published, committed year as it is, with no note", async () => {
    const { dir } = await publishedRepo();
    const result = await validateContent(dir);
    expect(result.errors).toBe(0);
    expect(result.notes).toEqual([]);
  });

  it("fails when the lock is deleted, in the working tree or in a commit, and says where to restore it from", async () => {
    const { dir, published } = await publishedRepo();
    rmSync(join(dir, LOCK));
    expect(await errors(dir)).toEqual([
      expect.objectContaining({
        file: LOCK,
        line: 1,
        column: 1,
        message: expect.stringMatching(new RegExp(`^the lock of published reporting year 2022 has been deleted in the working tree \\(not committed\\); it was published 2025-03-01 in commit ${published} \\(2025-03-01, "Publish 2022"\\)`)),
        expected: `the lock restored: git checkout ${published} -- ${LOCK}`,
      }),
    ]);
    const deleted = commit(dir, "Remove 2022", "2025-05-01T12:00:00Z");
    expect((await errors(dir))[0]).toMatchObject({ message: expect.stringContaining(`deleted in commit ${deleted} (2025-05-01, "Remove 2022")`), expected: `the lock restored: git checkout ${published} -- ${LOCK}` });
  });

  it("refuses to publish a deleted year again (also with --correct), and fails a lock published afresh elsewhere", async () => {
    const { dir, published } = await publishedRepo();
    rmSync(join(dir, LOCK));
    const again = kostra(["publish", "2022", "--content", dir]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`kostra publish: 2022 was published 2025-03-01 (commit ${published}, 2025-03-01) and its lock ${LOCK} has been deleted in the working tree; a published year is never published again. Restore the lock with \`git checkout ${published} -- ${LOCK}\``);
    const correct = await publish(dir, correction);
    expect(correct.status).toBe(1);
    expect(correct.stderr).toMatch(/never published again\. Restore the lock with `git checkout \w+ -- content\/published\/2022\.json`, then record the correction/);
    // The same, done in a copy without git and the new lock copied back.
    const copy = tempDir("nogit");
    for (const folder of ["codelists", "content", "changes"]) cpSync(join(dir, folder), join(copy, folder), { recursive: true });
    expect((await publish(copy, { date: "2025-06-01" })).status).toBe(0);
    cpSync(join(copy, LOCK), join(dir, LOCK));
    expect(await errors(dir)).toEqual([
      expect.objectContaining({ file: LOCK, line: 3, field: "publishedAt", message: expect.stringMatching(/^the date of publication is now "2025-06-01", but reporting year 2022 was published 2025-03-01 in commit \w{12} .*a published year is never published again; changed in the working tree/), expected: expect.stringContaining(`git checkout ${published} -- ${LOCK}`) }),
    ]);
  });

  it("fails when the hashes are rewritten to match changed content, also once committed", async () => {
    const { dir, published } = await publishedRepo();
    renameColour(dir, "Lyseblå");
    const lock = readLock(dir);
    writeLock(dir, { ...lock, files: yearHashes((await validateContent(dir)).registry, 2022) });
    const found = await errors(dir);
    // The lock agrees with the content now, so only the history sees it.
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      file: LOCK,
      field: "files.codelists/farger/2022.csv",
      message: expect.stringMatching(new RegExp(`^the export hashes of published reporting year 2022 are not the ones published 2025-03-01 in commit ${published} .*, and no correction records the difference \\(\\d+ changed: codelists/farger/2022\\.csv \\w{12}… → \\w{12}…, .*\\); changed in the working tree \\(not committed\\)$`)),
      expected: expect.stringMatching(/restored with git checkout \w+ -- content\/published\/2022\.json; if the exports really changed, restore it and then record a correction: npx kostra publish 2022 --correct/),
    });
    expect(found[0].line).toBeGreaterThan(4);
    const rewritten = commit(dir, "Rewrite 2022", "2025-05-01T12:00:00Z");
    expect((await errors(dir))[0].message).toContain(`changed in commit ${rewritten} (2025-05-01, "Rewrite 2022")`);
    expect((await errors(dir))[0].expected).toContain(`git checkout ${published} -- ${LOCK}`);
  });

  it("passes a correction recorded with publish --correct, before and after it is committed", async () => {
    const { dir } = await publishedRepo();
    renameColour(dir, "Lyseblå");
    expect((await publish(dir, correction)).status).toBe(0);
    expect(await errors(dir)).toEqual([]);
    commit(dir, "Correct 2022", "2025-04-02T12:00:00Z");
    expect(await errors(dir)).toEqual([]);
    // A second correction on top of the committed one.
    renameColour(dir, "Asurblå");
    expect((await publish(dir, { ...correction, what: "Kode 4 heter Asurblå", date: "2025-05-02" })).status).toBe(0);
    expect(await errors(dir)).toEqual([]);
  });

  it("fails when the corrections are emptied, even with the hashes put back as published", async () => {
    const { dir, corrected } = await correctedRepo();
    writeLock(dir, { ...readLock(dir), corrections: [] });
    const found = await errors(dir);
    expect(found.map((f) => f.field).sort()).toEqual(["corrections", "files.codelists/farger/2022.csv"]);
    expect(found.find((f) => f.field === "corrections")).toMatchObject({ message: "1 of the 1 recorded correction(s) of published reporting year 2022 removed (from correction 1, 2025-04-02 «Kode 4 heter Lyseblå»): recorded corrections stay on the record; changed in the working tree (not committed)", expected: expect.stringContaining(`git checkout ${corrected} -- ${LOCK}`) });
    // Hashes back to the first publication, and content with them: the lock alone would pass.
    renameColour(dir, "Himmelblå");
    writeLock(dir, JSON.parse(git(dir, ["show", `HEAD~1:${LOCK}`])));
    expect((await errors(dir)).map((f) => f.field)).toEqual(["corrections"]);
  });

  it("fails when a committed correction is edited, and when a correction's «before» is not what it replaced", async () => {
    const { dir } = await correctedRepo();
    const lock = readLock(dir);
    writeLock(dir, { ...lock, corrections: [{ ...lock.corrections[0], why: "Ingen grunn" }] });
    expect(await errors(dir)).toEqual([expect.objectContaining({ file: LOCK, field: "corrections.0", message: expect.stringMatching(/^correction 1 of published reporting year 2022 \(2025-04-02 «Kode 4 heter Lyseblå», as committed\) has been edited/) })]);
    // A forged correction appended: it claims hashes the lock never had.
    const [path, change] = Object.entries(lock.corrections[0].files)[0] as [string, { before: string; after: string }];
    writeLock(dir, { ...lock, corrections: [...lock.corrections, { ...lock.corrections[0], date: "2025-05-01", files: { [path]: { before: change.before, after: change.before } } }], files: { ...lock.files, [path]: change.before } });
    expect((await errors(dir)).filter((f) => f.file === LOCK).map((f) => f.field)).toEqual([`corrections.1.files.${path}`]);
  });

  it("checks a content root in a subfolder of its repository", async () => {
    const { dir, published } = await publishedRepo("registry");
    expect(await errors(dir)).toEqual([]);
    rmSync(join(dir, LOCK));
    expect((await errors(dir))[0]).toMatchObject({ file: LOCK, expected: `the lock restored: git checkout ${published} -- ${LOCK}` });
  });

  it("notes, and passes, where there is no git history: a plain copy, an uncommitted lock", async () => {
    const dir = fixtureWith();
    expect((await publish(dir)).status).toBe(0);
    const plain = await validateContent(dir);
    expect(plain.errors).toBe(0);
    expect(plain.notes).toEqual(["published years not checked against git history: the content root is not in a git repository"]);
    const run = kostra(["validate", "--content", dir]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("kostra validate: note: published years not checked against git history: the content root is not in a git repository\n");
    git(dir, ["init", "-q", "-b", "main"]);
    expect((await validateContent(dir)).notes).toEqual(["published years not checked against git history: the repository has no commits yet"]);
    rmSync(join(dir, LOCK));
    commit(dir, "Content", "2025-01-15T12:00:00Z");
    expect((await publish(dir)).status).toBe(0);
    const uncommitted = await validateContent(dir);
    expect(uncommitted.errors).toBe(0);
    expect(uncommitted.notes).toEqual([`not yet committed: ${LOCK} (git history guards a published year once its lock is committed)`]);
  });

  it("fails in a shallow clone, naming the fix, and still checks against the commits it has", async () => {
    const { dir } = await correctedRepo();
    const clone = join(tempDir("shallow"), "clone");
    git(dir, ["-c", "protocol.file.allow=always", "clone", "-q", "--depth", "1", `file://${dir}`, clone]);
    expect(git(clone, ["rev-parse", "--is-shallow-repository"])).toBe("true");
    const result = await validateContent(clone);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([
      expect.objectContaining({ file: "content/published", message: expect.stringMatching(/^git history is shallow \(a shallow clone\): a published year's lock deleted or rewritten in a commit that is not here cannot be detected/), expected: expect.stringMatching(/git fetch --unshallow.*fetch-depth: 0/) }),
    ]);
    writeLock(clone, { ...readLock(clone), corrections: [] });
    expect((await errors(clone)).map((f) => f.field)).toContain("corrections");
  });

  it("fails in a shallow clone whose last commit deletes a published year's lock and edits that year", async () => {
    const { dir } = await publishedRepo();
    rmSync(join(dir, LOCK));
    renameColour(dir, "Lyseblå");
    commit(dir, "Drop the lock", "2025-05-01T12:00:00Z");
    const clone = join(tempDir("shallow"), "clone");
    git(dir, ["-c", "protocol.file.allow=always", "clone", "-q", "--depth", "1", `file://${dir}`, clone]);
    const run = kostra(["validate", "--content", clone]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("content/published:1:1: error: git history is shallow");
    expect(run.stderr).toContain("fetch-depth: 0");
    // The full clone names the deleted lock itself.
    expect((await errors(dir)).map((f) => f.message)).toContainEqual(expect.stringContaining("has been deleted"));
  });

  it("reads each lock's committed states, oldest first", async () => {
    const { dir } = await correctedRepo();
    const history = readPublishedHistory(dir);
    expect([...history.locks.keys()]).toEqual([2022]);
    expect(history.locks.get(2022)!.map((v) => [v.commit.subject, v.state])).toEqual([
      ["Publish 2022", "lock"],
      ["Correct 2022", "lock"],
    ]);
  });

  it("passes the bundled content against this repository's own history", async () => {
    const { registry, findings, notes } = await validateContent(REPO);
    expect(findings.filter((f) => f.file.startsWith("content/published/"))).toEqual([]);
    const history = readPublishedHistory(REPO);
    // A copy of the project without .git (a tarball) has nothing to check against; it says so.
    if (history.unavailable) expect(notes).toContainEqual(expect.stringContaining("not checked against git history"));
    else expect(history.locks.get(2022)?.[0]).toMatchObject({ state: "lock", commit: { date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
    expect(checkPublishedHistory(REPO, registry, history).findings).toEqual([]);
  });
});

describe("published years in index.json", () => {
  it("lists each published year with its date, corrections and the SHA-256 of every export it froze", async () => {
    const dir = fixtureWith();
    expect((await publish(dir, { date: "2025-03-01" })).status).toBe(0);
    renameColour(dir, "Lyseblå");
    expect((await publish(dir, correction)).status).toBe(0);
    const { registry } = await validateContent(dir);
    const files = [...exportFiles(registry, "https://kostra-registeret.example")];
    const index = JSON.parse(String(files.at(-1)!.content));
    const lockFile = files.find((f) => f.path === "published/2022.json")!;
    expect(index.published).toEqual([{ year: 2022, publishedAt: "2025-03-01", corrections: 1, url: "/api/v1/published/2022.json", sha256: expect.stringMatching(/^[0-9a-f]{64}$/), files: registry.published.get(2022)!.files }]);
    const listed = new Map<string, string>(index.resources.flatMap((r: { files: { url: string; sha256: string }[] }) => r.files.map((f) => [f.url, f.sha256])));
    expect(index.published[0].sha256).toBe(listed.get("/api/v1/published/2022.json"));
    // The lock as recorded, naming its schema first.
    expect(lockFile.content).toBe(JSON.stringify({ $schema: schemaUrl("published-year"), ...registry.published.get(2022) }, null, 2) + "\n");
    // Every frozen export's hash is the hash of the file the API serves.
    for (const [path, hash] of Object.entries(index.published[0].files)) expect(listed.get(`/api/v1/${path}`), path).toBe(hash);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    expect(ajv.validate(jsonSchemaOf("index"), index), ajv.errorsText()).toBe(true);
    expect(ajv.validate(jsonSchemaOf("published-year"), JSON.parse(String(lockFile.content))), ajv.errorsText()).toBe(true);
  });
});
