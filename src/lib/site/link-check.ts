import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
const decode = (s: string) => s.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'");

/** Every internal link and anchor of a built site that does not resolve to a file or an element id. */
export function checkLinks(dist: string): { pages: number; links: number; broken: BrokenLink[] } {
  const html = walk(dist).filter((f) => f.endsWith(".html"));
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      set = new Set([...readFileSync(file, "utf8").matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1])));
      ids.set(file, set);
    }
    return set;
  };
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const file of html) {
    const page = "/" + relative(dist, file).split(sep).join("/");
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const href = decode(m[1]);
      if (/^(https?:|mailto:|data:|tel:)/.test(href) || href === "") continue;
      links++;
      const [pathPart, anchor] = href.split("#");
      const pathOnly = pathPart.split("?")[0];
      let target = file;
      if (pathOnly) {
        const resolved = pathOnly.startsWith("/") ? join(dist, decodeURIComponent(pathOnly)) : join(file, "..", decodeURIComponent(pathOnly));
        target = existsSync(resolved) && statSync(resolved).isDirectory() ? join(resolved, "index.html") : resolved;
        if (!existsSync(target)) {
          broken.push({ page, href, reason: "no such file" });
          continue;
        }
      }
      if (anchor && target.endsWith(".html") && !idsOf(target).has(decodeURIComponent(anchor))) broken.push({ page, href, reason: `no element with id "${anchor}"` });
    }
  }
  return { pages: html.length, links, broken };
}
