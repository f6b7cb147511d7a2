import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { IndexExport } from "./shapes.ts";

type Resource = IndexExport["resources"][number];

/**
 * How the codelists' exports (most of the API) are shared between the processes that write it:
 * the API's step takes them from the first, a second process (started when a core is free) from
 * the last, until they meet. Only the first writes the rest of the API and `index.json`, with the
 * resources of the codelists the other wrote.
 */
export interface CodelistShare {
  /** Whether this process takes the codelist; false when another has taken it. */
  take(id: string): boolean;
  /** The codelist's files are written: here are its resources for the index. */
  finished(id: string, resources: Resource[]): void;
  /** The resources of a codelist another process took, once it has finished it. */
  resourcesOf(id: string): Resource[];
  /** The first process has taken or passed every codelist: a second one has nothing left. */
  allTaken(): void;
}

/** One process alone: it takes every codelist. */
export const everyCodelist: CodelistShare = {
  take: () => true,
  finished: () => {},
  resourcesOf: (id) => {
    throw new Error(`the codelist ${id} was left to another process, but the API is written by one`);
  },
  allTaken: () => {},
};

const ALL_TAKEN = "all-taken";
/** A synchronous pause: the first process waits inside the generator that writes the index. */
const never = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(never, 0, 0, ms);

/**
 * The share between processes through a folder: a codelist is taken by making `<dir>/<id>/` (which
 * only one process can), finished by writing `<dir>/<id>.json` (written whole, then renamed). The
 * first process waits for the other's codelists at most `patience` ms after the last one it saw
 * finished; the build stops both processes when either fails, so the wait ends sooner there.
 */
export function sharedThrough(dir: string, patience = 600_000): CodelistShare {
  mkdirSync(dir, { recursive: true });
  return {
    take(id) {
      try {
        mkdirSync(join(dir, id));
        return true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
        throw e;
      }
    },
    finished(id, resources) {
      writeFileSync(join(dir, `${id}.json.partial`), JSON.stringify(resources));
      renameSync(join(dir, `${id}.json.partial`), join(dir, `${id}.json`));
    },
    resourcesOf(id) {
      const file = join(dir, `${id}.json`);
      for (let waited = 0; !existsSync(file); waited += 20) {
        if (waited > patience) throw new Error(`the API's second process took the codelist ${id} and did not finish it in ${patience / 1000} s`);
        sleep(20);
      }
      return JSON.parse(readFileSync(file, "utf8")) as Resource[];
    },
    allTaken: () => writeFileSync(join(dir, ALL_TAKEN), ""),
  };
}

/** Whether the first process has already taken every codelist (a second one need not start). */
export const everyCodelistTaken = (dir: string) => existsSync(join(dir, ALL_TAKEN));
