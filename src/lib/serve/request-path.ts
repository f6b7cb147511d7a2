import { existsSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, join, posix, relative, sep } from "node:path";

/**
 * What a request asks of a built site, read once and the same way for every check and for the file
 * served: the path decoded and normalised, so that no other spelling of a path (`//_headers`,
 * `/_headers/`, `/%5Fheaders`, `/x/../_headers`, `/_HEADERS`, `/_headers.`) slips past a check that
 * knows only one; and where the file it names really is, so that a symlink in the site never serves
 * a file from outside it.
 */

export interface RequestPath {
  /** Decoded, `//` collapsed, `.` and `..` resolved (never above `/`); a trailing `/` kept. */
  path: string;
  /** The query, with its `?`, or "". */
  search: string;
}

/**
 * The path and query of a request's target (`req.url`), or undefined when it is no path a site can
 * have: malformed percent-encoding or text, a NUL, or an encoded `?` or `#` (which no file served
 * by URL can be named with: the static server would read them as the query).
 */
export function requestPath(target: string): RequestPath | undefined {
  let raw = target.replace(/#.*$/s, "");
  // The absolute form (`GET http://host/path`), which a client may send and a proxy does.
  if (!raw.startsWith("/")) {
    try {
      const url = new URL(raw);
      raw = url.pathname + url.search;
    } catch {
      return undefined;
    }
  }
  const query = raw.indexOf("?");
  const search = query < 0 ? "" : raw.slice(query);
  let decoded: string;
  try {
    decoded = decodeURIComponent(query < 0 ? raw : raw.slice(0, query));
  } catch {
    return undefined;
  }
  if (/[\0?#]/.test(decoded) || !decoded.isWellFormed()) return undefined;
  return { path: posix.normalize(decoded), search };
}

/** Files a host reads for itself and never publishes (Netlify, Cloudflare Pages). */
const HOST_FILES = new Set(["_headers", "_redirects"]);

/**
 * Whether a path names something that is not a page: a host's own file, or a dot-file or dot-folder
 * (the build's `.kostra-build`, a `.git` someone left). Compared as a file system that ignores case
 * and trailing dots and spaces (Windows, macOS) would compare names, and in any segment, so that
 * no spelling reaches the file.
 */
export function isHidden(path: string): boolean {
  return path.split("/").some((segment) => segment.startsWith(".") || HOST_FILES.has(segment.replace(/[. ]+$/, "").toLowerCase()));
}

/**
 * Whether every file the static server could answer `path` with (sirv tries the path, then with
 * each of `extensions`, then its `index`) lies, symlinks resolved, inside the site `root`. Checked on
 * every candidate that exists rather than on the one sirv picks, so that this never depends on
 * sirv's order.
 */
export function servedInside(root: string, path: string, extensions: readonly string[]): boolean {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return false;
  }
  const uri = path.replace(/\/$/, "");
  const names = ["", ...extensions.map((e) => `.${e}`)].flatMap((ext) => [...(uri ? [uri + ext] : []), `${uri}/index${ext}`]);
  return names.every((name) => {
    const abs = join(root, name);
    try {
      return !existsSync(abs) || statSync(abs).isDirectory() || isInside(realRoot, realpathSync(abs));
    } catch {
      // Gone since (a build swapped the site in): sirv finds nothing there either.
      return true;
    }
  });
}

/** Whether `path` (a real path) is `root` (a real path) or lies in it. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
