/**
 * Netlify-style `_headers` files (also read by Cloudflare Pages), which the build writes into dist/
 * with the Content-Security-Policy: parsed here so that `kostra serve` sends what a host would.
 *
 *   /path/*            a URL pattern: `*` matches anything, `:name` one path segment
 *     Header-Name: value
 *     ! Header-Name    (Cloudflare) leave out a header an earlier rule set
 *   # comment
 */

export interface HeaderRule {
  pattern: RegExp;
  set: [name: string, value: string][];
  detach: string[];
}

/** Reads the rules; lines it cannot place (a header before any pattern, absolute URLs) are skipped. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    if (!/^\s/.test(raw)) {
      // A host matches paths of its own site only; a rule for a full URL belongs to another domain.
      rules.push({ pattern: line.startsWith("/") ? patternOf(line) : /$^/, set: [], detach: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) continue;
    if (line.startsWith("!")) {
      rule.detach.push(line.slice(1).trim().toLowerCase());
      continue;
    }
    const colon = line.indexOf(":");
    if (colon > 0) rule.set.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

function patternOf(path: string): RegExp {
  const source = path
    .split(/(\*|:[A-Za-z_][A-Za-z0-9_]*)/)
    .map((part) => (part === "*" ? ".*" : part.startsWith(":") ? "[^/]+" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`);
}

/**
 * The headers for a path: every matching rule in order; a header several rules set is sent once
 * with their values joined by ", " (as Netlify does), and `!` removes it again.
 */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Map<string, string> {
  const headers = new Map<string, { name: string; values: string[] }>();
  for (const rule of rules) {
    if (!rule.pattern.test(pathname)) continue;
    for (const [name, value] of rule.set) {
      const key = name.toLowerCase();
      const h = headers.get(key) ?? { name, values: [] };
      h.values.push(value);
      headers.set(key, h);
    }
    for (const name of rule.detach) headers.delete(name);
  }
  return new Map([...headers.values()].map((h) => [h.name, h.values.join(", ")]));
}
