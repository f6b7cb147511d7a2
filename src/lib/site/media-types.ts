/**
 * The media type of every file the build writes, by the end of its name, longest first: the one
 * table `dist/_headers` (static hosts), `kostra serve` (which applies that file) and the nginx rules
 * of docs/api.md follow. Text is sent as UTF-8, which every export is.
 */
export const MEDIA_TYPES: readonly (readonly [ending: string, type: string])[] = [
  [".html", "text/html; charset=utf-8"],
  [".css", "text/css; charset=utf-8"],
  [".js", "text/javascript; charset=utf-8"],
  [".json", "application/json; charset=utf-8"],
  [".jsonld", "application/ld+json; charset=utf-8"],
  [".csv", "text/csv; charset=utf-8"],
  [".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  [".md", "text/markdown; charset=utf-8"],
  [".yaml", "application/yaml; charset=utf-8"],
  [".ttl", "text/turtle; charset=utf-8"],
  [".xml", "application/xml; charset=utf-8"],
  [".atom", "application/atom+xml; charset=utf-8"],
  [".ics", "text/calendar; charset=utf-8"],
  [".svg", "image/svg+xml"],
  [".txt", "text/plain; charset=utf-8"],
];

/** The media type of a path, or undefined for a file the table does not name (the host's default). */
export function mediaTypeOf(path: string): string | undefined {
  const lower = path.toLowerCase();
  return MEDIA_TYPES.find(([ending]) => lower.endsWith(ending))?.[1];
}

/** Whether a media type is text that compresses well (everything above but the spreadsheet, already zipped). */
export function compressible(type: string | undefined): boolean {
  return type !== undefined && /^(text\/|application\/(json|ld\+json|yaml|xml|atom\+xml)|image\/svg\+xml)/.test(type);
}
