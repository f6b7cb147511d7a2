import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { ContentKindName } from "../schema/index.ts";
import type { Finding } from "../validate/finding.ts";

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

/** Finds every content file and says which kind it is; anything else is a finding. */
export function discover(root: string): { files: DiscoveredFile[]; findings: Finding[] } {
  const files: DiscoveredFile[] = [];
  const findings: Finding[] = [];
  const rel = (p: string) => relative(root, p).split(sep).join("/");
  const unexpected = (p: string, expected: string) =>
    findings.push({ severity: "error", file: rel(p), line: 1, column: 1, message: "unexpected file or folder here", expected });

  const list = (dir: string) => {
    try {
      return readdirSync(dir).filter((n) => !IGNORED.has(n)).sort();
    } catch {
      return [];
    }
  };
  const isDir = (p: string) => statSync(p).isDirectory();

  // Versioned items: codelists/<id>/ and content/forms/<id>/.
  const versioned = (base: string, metaName: string, metaKind: ContentKindName, versionKind: ContentKindName) => {
    for (const id of list(base)) {
      const dir = join(base, id);
      if (!isDir(dir) || !ID.test(id)) {
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
        if (name === metaName) files.push({ kind: metaKind, absolute: abs, path: rel(abs), id });
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
      if (isDir(abs) || !idPattern.test(id)) unexpected(abs, `files named ${idText}${ext}`);
      else files.push({ kind, absolute: abs, path: rel(abs), id });
    }
  };

  versioned(join(root, "codelists"), "codelist.yaml", "codelist", "codelistVersion");
  const contentDir = join(root, "content");
  const known = new Set(["working-groups", "forms", "indicators", "tables", "meetings", "report-templates", "calendar", "published"]);
  for (const name of list(contentDir)) {
    if (!known.has(name)) unexpected(join(contentDir, name), `one of the folders ${[...known].join(", ")}`);
  }
  flat(join(contentDir, "working-groups"), ".yaml", "workingGroup", ID, "<id>");
  versioned(join(contentDir, "forms"), "form.yaml", "form", "formVersion");
  flat(join(contentDir, "indicators"), ".yaml", "indicator", ID, "<id>");
  flat(join(contentDir, "tables"), ".yaml", "table", /^\d{5}$/, "<five-digit table number>");
  flat(join(contentDir, "meetings"), ".mdx", "meeting", ID, "<id>");
  flat(join(contentDir, "report-templates"), ".yaml", "reportTemplate", ID, "<id>");
  flat(join(contentDir, "calendar"), ".yaml", "calendar", /^\d{4}$/, "<reporting year>");
  flat(join(contentDir, "published"), ".json", "published", /^\d{4}$/, "<reporting year>");
  flat(join(root, "changes"), ".mdx", "proposal", ID, "<id>");
  return { files, findings };
}
