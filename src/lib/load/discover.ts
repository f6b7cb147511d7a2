import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import type { ContentKindName } from "../schema/index.ts";
import type { Finding } from "../findings/finding.ts";
import { kindOfEntry, unreadable } from "./read-bounded.ts";

/** A content file found on disk, with the kind its place says it is. */
export interface DiscoveredFile {
  kind: ContentKindName;
  /** Absolute path. */
  absolute: string;
  /** Path relative to the content root, forward slashes. */
  path: string;
  /** The id, folder id or table number the path gives. */
  id: string;
  /** For versions: the reporting year the file name gives. */
  year?: number;
}

const YEAR_FILE = /^(\d{4})\.yaml$/;
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const IGNORED = new Set(["README.md", ".gitkeep", ".DS_Store"]);

/** The folders below a content root that hold content. */
export const CONTENT_FOLDERS = ["codelists", "content", "changes"] as const;

/**
 * Finds every content file and says which kind it is; anything else is a finding. Never throws:
 * a symbolic link whose target is missing, a link loop, a link to anything outside the content root
 * (compared by real path, so `../` and absolute links alike), and a FIFO, socket or device are each
 * a finding at that path and are never read. Links to files or folders inside the root are followed.
 */
export function discover(root: string): { files: DiscoveredFile[]; findings: Finding[] } {
  const files: DiscoveredFile[] = [];
  const findings: Finding[] = [];
  const rel = (p: string) => relative(root, p).split(sep).join("/");
  const unexpected = (p: string, expected: string) =>
    findings.push({ severity: "error", file: rel(p), line: 1, column: 1, message: "unexpected file or folder here", expected });
  const refuse = (p: string, message: string, expected: string) => findings.push({ severity: "error", file: rel(p), line: 1, column: 1, message, expected });

  let rootReal: string;
  try {
    rootReal = realpathSync(root);
  } catch {
    rootReal = resolve(root);
  }
  const inside = (real: string) => real === rootReal || real.startsWith(rootReal.endsWith(sep) ? rootReal : rootReal + sep);
  const LINK_EXPECTED = "a regular file or folder, or a symbolic link to one inside the content root";

  /**
   * What an entry is, "file" or "dir", following a symbolic link only to a target inside the root;
   * undefined for an entry that is absent (no finding) or refused (a finding, once per path).
   */
  const types = new Map<string, "file" | "dir" | undefined>();
  const typeOf = (p: string): "file" | "dir" | undefined => {
    if (!types.has(p)) types.set(p, classify(p));
    return types.get(p);
  };
  const classify = (p: string): "file" | "dir" | undefined => {
    let s: Stats;
    try {
      s = lstatSync(p);
    } catch (e) {
      // An optional folder that is not there, or an entry gone since its folder was listed.
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") refuse(p, unreadable(e).message, LINK_EXPECTED);
      return undefined;
    }
    if (s.isSymbolicLink()) {
      let real: string;
      try {
        real = realpathSync(p);
        s = statSync(real);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const what = code === "ENOENT" ? "a symbolic link whose target does not exist" : code === "ELOOP" ? "a symbolic link loop (the link leads, through links, back to itself)" : unreadable(e).message;
        refuse(p, what, LINK_EXPECTED);
        return undefined;
      }
      if (!inside(real)) {
        refuse(p, "a symbolic link to outside the content root: content is read only from inside it", "the file itself in the content root, or a link to a file or folder inside the root");
        return undefined;
      }
    }
    if (s.isDirectory()) return "dir";
    if (s.isFile()) return "file";
    refuse(p, `not a regular file: ${kindOfEntry(s) ?? "an unknown kind of entry"}`, "a regular file; FIFOs, devices and sockets are never read");
    return undefined;
  };

  const list = (dir: string) => {
    if (typeOf(dir) !== "dir") return [];
    try {
      return readdirSync(dir).filter((n) => !IGNORED.has(n)).sort();
    } catch (e) {
      refuse(dir, `the folder ${unreadable(e).message}`, "a readable folder");
      return [];
    }
  };

  // Versioned items: codelists/<id>/ and content/forms/<id>/.
  const versioned = (base: string, metaName: string, metaKind: ContentKindName, versionKind: ContentKindName) => {
    for (const id of list(base)) {
      const dir = join(base, id);
      const type = typeOf(dir);
      if (!type) continue;
      if (type !== "dir" || !ID.test(id)) {
        unexpected(dir, `a folder named by an id (lowercase letters, digits, hyphens) holding ${metaName} and <year>.yaml files`);
        continue;
      }
      const names = list(dir);
      if (!names.includes(metaName)) {
        findings.push({ severity: "error", file: rel(join(dir, metaName)), line: 1, column: 1, message: `missing ${metaName}`, expected: `${rel(dir)}/${metaName} with the metadata` });
      }
      for (const name of names) {
        const abs = join(dir, name);
        const year = YEAR_FILE.exec(name);
        const type = typeOf(abs);
        if (!type) continue;
        if (type === "dir") unexpected(abs, `${metaName} or a version named by its first reporting year, e.g. 2023.yaml (files, not folders)`);
        else if (name === metaName) files.push({ kind: metaKind, absolute: abs, path: rel(abs), id });
        else if (year) files.push({ kind: versionKind, absolute: abs, path: rel(abs), id, year: Number(year[1]) });
        else unexpected(abs, `${metaName} or a version named by its first reporting year, e.g. 2023.yaml`);
      }
    }
  };

  // Flat items: one file per id.
  const flat = (base: string, ext: string, kind: ContentKindName, idPattern: RegExp, idText: string) => {
    for (const name of list(base)) {
      const abs = join(base, name);
      const id = name.endsWith(ext) ? name.slice(0, -ext.length) : "";
      const type = typeOf(abs);
      if (!type) continue;
      if (type === "dir" || !idPattern.test(id)) unexpected(abs, `files named ${idText}${ext}`);
      else files.push({ kind, absolute: abs, path: rel(abs), id });
    }
  };

  versioned(join(root, "codelists"), "codelist.yaml", "codelist", "codelistVersion");
  const contentDir = join(root, "content");
  const known = new Set(["working-groups", "forms", "indicators", "tables", "meetings", "report-templates", "reports", "calendar", "published", "allowed-numbers.yaml"]);
  for (const name of list(contentDir)) {
    if (!known.has(name)) unexpected(join(contentDir, name), `one of the folders ${[...known].join(", ")}`);
  }
  flat(join(contentDir, "working-groups"), ".yaml", "workingGroup", ID, "<id>");
  versioned(join(contentDir, "forms"), "form.yaml", "form", "formVersion");
  flat(join(contentDir, "indicators"), ".yaml", "indicator", ID, "<id>");
  flat(join(contentDir, "tables"), ".yaml", "table", /^\d{5}$/, "<five-digit table number>");
  flat(join(contentDir, "meetings"), ".mdx", "meeting", ID, "<id>");
  flat(join(contentDir, "report-templates"), ".yaml", "reportTemplate", ID, "<id>");
  flat(join(contentDir, "reports"), ".yaml", "reportText", ID, "<working group>-<year>");
  flat(join(contentDir, "calendar"), ".yaml", "calendar", /^\d{4}$/, "<reporting year>");
  flat(join(contentDir, "published"), ".json", "published", /^\d{4}$/, "<reporting year>");
  flat(join(root, "changes"), ".mdx", "proposal", ID, "<id>");
  return { files: interleaved(files), findings };
}

/**
 * The MDX files (proposals and meetings, in the last folders) spread evenly among the others, each
 * kind in its order: validation compiles their bodies in a worker thread (body-check.ts), which then
 * works while the main thread parses YAML, instead of at the end with the main thread waiting.
 */
function interleaved(files: DiscoveredFile[]): DiscoveredFile[] {
  const mdx = files.filter((f) => f.path.endsWith(".mdx"));
  const rest = files.filter((f) => !f.path.endsWith(".mdx"));
  if (!mdx.length || !rest.length) return files;
  const out: DiscoveredFile[] = [];
  let i = 0;
  let j = 0;
  while (out.length < files.length) {
    if (j === rest.length || (i < mdx.length && i * rest.length <= j * mdx.length)) out.push(mdx[i++]);
    else out.push(rest[j++]);
  }
  return out;
}
