/**
 * Escaping as Astro's renderer does it (astro/dist/runtime/server/escape.js and render/util.js),
 * for the few parts of a page written as one string rather than element by element: the page is
 * then byte for byte what the template would have made.
 */
const TEXT = /[&<>'"]/g;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "'": "&#39;", '"': "&quot;" };

/** Text between tags: `{value}` in a template. */
export const escapeText = (value: string): string => (value.search(TEXT) === -1 ? value : value.replace(TEXT, (c) => ENTITY[c]));

/** An attribute's value: `name={value}` in a template (only `&` and `"` are escaped there). */
export const escapeAttribute = (value: string): string => (value.includes("&") || value.includes('"') ? value.replace(/&/g, "&amp;").replace(/"/g, "&quot;") : value);
