import { existsSync, realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { BUNDLED_CONTENT_ROOT } from "../load/content-root.ts";
import { CONTENT_FOLDERS, discover } from "../load/discover.ts";
import { OUTPUT_MARKER, outputKind } from "./output-marker.ts";

/**
 * Why `kostra build` must not build `root` into `out`, before anything is built; undefined when it
 * may. The site replaces whatever is at `out`, so `out` may not hold the content root or this
 * project, nor lie in a folder the content is read from. It may lie elsewhere in the content root:
 * the bundled content's root is the project, whose site goes to `dist/` in it. A content root
 * without a single content file (a wrong `--content`, a checkout gone wrong) would replace the site
 * with an empty one: refused unless `allowEmpty`. And `out` must be nothing (missing or empty) or a
 * site an earlier build made (`output-marker.ts`): a folder of anyone's files (`--out ~/Documents`)
 * would be emptied without a word, so it is refused unless `force`.
 */
export function refusal(root: string, out: string, { allowEmpty = false, force = false } = {}): string | undefined {
  const realOut = real(out);
  const realRoot = real(root);
  if (within(realRoot, realOut)) return `--out ${out} ${realOut === realRoot ? "is" : "holds"} the content root ${root}: the site would replace the content; choose a folder outside it`;
  const project = real(BUNDLED_CONTENT_ROOT);
  if (within(project, realOut)) return `--out ${out} ${realOut === project ? "is" : "holds"} this project ${BUNDLED_CONTENT_ROOT}: the site would replace it; choose another folder`;
  const folder = CONTENT_FOLDERS.find((f) => within(realOut, join(realRoot, f)));
  if (folder) return `--out ${out} ${realOut === join(realRoot, folder) ? "is" : "is inside"} the content folder ${join(root, folder)}: the site would replace content; choose a folder outside it`;
  const kind = force ? "none" : outputKind(out);
  if (kind === "files") return `--out ${out} holds files no kostra build made (it has no ${OUTPUT_MARKER}): the site would replace them all; choose an empty folder, or pass --force to replace them`;
  if (kind === "not-folder") return `--out ${out} is not a folder: the site would replace it; choose an empty folder, or pass --force to replace it`;
  if (!allowEmpty && discover(root).files.length === 0) {
    return `the content root ${root} holds no content files (${CONTENT_FOLDERS.map((f) => `${f}/`).join(", ")} are empty or missing): the site would be empty; check --content, or pass --allow-empty to build an empty site`;
  }
  return undefined;
}

/** Whether `inner` is `outer` or lies in it. */
function within(inner: string, outer: string): boolean {
  const path = relative(outer, inner);
  return path === "" || (path !== ".." && !path.startsWith(`..${sep}`) && !isAbsolute(path));
}

/** The path with symlinks resolved; for a folder not made yet, those of its nearest existing parent. */
function real(path: string): string {
  const absolute = resolve(path);
  if (existsSync(absolute)) return realpathSync(absolute);
  const parent = dirname(absolute);
  return parent === absolute ? absolute : join(real(parent), basename(absolute));
}
