import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BUNDLED_CONTENT_ROOT } from "../load/content-root.ts";

/**
 * The site's public address: one setting, the origin of every permanent identifier the registry
 * writes (Atom ids, DCAT and XKOS IRIs, the JSON Schemas' `$id` and the exports' `$schema`, the FHIR
 * canonical base, the KLASS documents' links) and of Astro's `site`. `kostra build`, the CLI and
 * astro.config.mjs all read it here:
 *
 * 1. the environment variable `KOSTRA_SITE_URL`, when set and not empty;
 * 2. else `"kostra": { "site": "…" }` in the project's package.json (beside astro.config.mjs);
 * 3. else the placeholder `https://kostra-registeret.example` (`.example` is reserved, RFC 2606,
 *    and owned by no one), which the published years' locks were made on.
 *
 * Nothing is taken from where a build runs (host name, port, working folder): two builds with the
 * same setting write the same bytes wherever they run. `kostra serve` puts its own origin in the
 * links a reader follows (serve/klass-links.ts), not in the identifiers.
 */

/** The address used when none is set: the one the locks of the published years were made on. */
export const PLACEHOLDER_SITE = "https://kostra-registeret.example";

/** The environment variable that overrides package.json's `kostra.site`. */
export const SITE_ENV = "KOSTRA_SITE_URL";

export interface SiteAddress {
  /** The origin, without a trailing slash: `https://kostra.example.no`. */
  url: string;
  /** Where it was read: the environment variable, package.json, or nowhere (the placeholder). */
  from: "env" | "package.json" | "placeholder";
}

const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\]|0\.0\.0\.0)$|\.localhost$/i;

/** Why a value cannot be the site's address, or undefined when it can. */
export function siteAddressProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "is not an absolute URL";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "must be an http or https URL";
  if (url.username || url.password) return "must not carry credentials";
  if (url.search || url.hash || /[?#]/.test(value)) return "must have no query or fragment";
  if (url.pathname !== "/") return "must be an origin only (scheme and host), with no path: the site is served from its root";
  if (LOOPBACK.test(url.hostname)) return "must not be a loopback address: identifiers must not depend on where the site runs (`kostra serve` rewrites the links it serves to its own address)";
  return undefined;
}

/** The address as written in identifiers: `new URL`'s spelling (lower-case host, no default port), no trailing slash. */
export const normalisedSite = (value: string) => new URL(value).origin;

/** The address `package.json` of `root` sets (`kostra.site`), if any. */
function packageSetting(root: string): string | undefined {
  const path = join(root, "package.json");
  if (!existsSync(path)) return undefined;
  const kostra = (JSON.parse(readFileSync(path, "utf8")) as { kostra?: { site?: unknown } }).kostra;
  if (kostra?.site === undefined) return undefined;
  if (typeof kostra.site !== "string") throw new Error(`${path}: "kostra.site" must be a string`);
  return kostra.site;
}

/**
 * The site's address from the setting (see above); throws with the setting's name when it is not
 * fit to be one. `root` is the project's folder (the one with package.json and astro.config.mjs).
 */
export function siteAddress(env: NodeJS.ProcessEnv = process.env, root: string = BUNDLED_CONTENT_ROOT): SiteAddress {
  const fromEnv = env[SITE_ENV]?.trim();
  const [value, from, name] = fromEnv ? [fromEnv, "env" as const, SITE_ENV] : ([packageSetting(root), "package.json" as const, `"kostra.site" in ${join(root, "package.json")}`] as const);
  if (value === undefined) return { url: PLACEHOLDER_SITE, from: "placeholder" };
  const problem = siteAddressProblem(value);
  if (problem) throw new Error(`the site's address (${name}) ${problem}: ${value}`);
  return { url: normalisedSite(value), from };
}

/** The address when one is set (`kostra review` links to the site only then), else undefined. */
export function configuredSite(env: NodeJS.ProcessEnv = process.env, root: string = BUNDLED_CONTENT_ROOT): string | undefined {
  const site = siteAddress(env, root);
  return site.from === "placeholder" ? undefined : site.url;
}

/** The one line a build prints when it used the placeholder. */
export const placeholderNotice = () =>
  `no site address is set, so permanent identifiers (Atom ids, DCAT/XKOS IRIs, JSON Schema $id, FHIR canonical URLs) use the placeholder ${PLACEHOLDER_SITE}; ` +
  `set "kostra": { "site": "https://…" } in package.json or ${SITE_ENV}=https://… (docs/api.md, «The site's address»)`;

/** The address Astro's `site` gives pages (`import.meta.env.SITE`), in the spelling of identifiers. */
export const siteOf = (astroSite: string | undefined) => (astroSite ? normalisedSite(astroSite) : PLACEHOLDER_SITE);
