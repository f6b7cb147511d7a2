// No Node imports: the search page reads these names too.

/** The search index the search page loads first (`/pagefind/pagefind.js`): the first part of the pages. */
export const PRIMARY_PART = "pagefind";

/** Where the other parts of the search index are, each a pagefind bundle of its own. */
export const PARTS_DIR = "pagefind-deler";

/** The list of the other parts, read by the search page to merge them into the primary one. */
export const PARTS_MANIFEST = "deler.json";

/** The site paths of the primary part's script and of the manifest. */
export const PRIMARY_SCRIPT_URL = `/${PRIMARY_PART}/pagefind.js`;
export const PARTS_MANIFEST_URL = `/${PRIMARY_PART}/${PARTS_MANIFEST}`;

/** The manifest's content: the URL of every part besides the primary one. */
export interface PartsManifest {
  parts: string[];
}

/** How large a part may be: pagefind's memory grows with what one part holds. */
export interface PartSizes {
  /** Pages per part (about 0.25 MB of pagefind's memory each at KOSTRA scale). */
  pages: number;
  /** Records per part, a code counting as one besides its record (a few KB of pagefind's memory each). */
  records: number;
}

/**
 * Defaults that keep one pagefind process near 0.7 GB for pages and 0.7 GB for records at KOSTRA
 * scale; `KOSTRA_SEARCH_PAGES_PER_PART` and `KOSTRA_SEARCH_RECORDS_PER_PART` override them
 * (smaller parts: less memory, more files for the search page to load).
 */
export function partSizes(env: NodeJS.ProcessEnv = process.env): PartSizes {
  const read = (name: string, fallback: number) => {
    const value = env[name];
    if (value === undefined || value === "") return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1, not "${value}"`);
    return n;
  };
  return { pages: read("KOSTRA_SEARCH_PAGES_PER_PART", 2500), records: read("KOSTRA_SEARCH_RECORDS_PER_PART", 100_000) };
}
