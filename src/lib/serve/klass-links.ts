/**
 * Links a reader follows from `kostra serve` point at the server that answered. The KLASS documents
 * carry the site's address as built (the public one: the permanent identifiers); a client on a
 * local server on any port follows `_links` (ssb-klass-python reads version numbers off them, klassR
 * the classification numbers), so the server puts its own origin in their place.
 */

/** `value` with every string that is `from` or a URL below it (`from/…`, `from{?…}`) moved to `to`. */
export function rebaseLinks(value: unknown, from: string, to: string): unknown {
  if (from === to) return value;
  if (typeof value === "string") return value === from || value.startsWith(`${from}/`) || value.startsWith(`${from}{`) ? to + value.slice(from.length) : value;
  if (Array.isArray(value)) return value.map((v) => rebaseLinks(v, from, to));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rebaseLinks(v, from, to)]));
  return value;
}

/**
 * The origin a request was made to, from its Host header (`127.0.0.1:4321`, `[::1]:8080`,
 * `kostra.example`); undefined when the header is missing or is no host and port, so that a
 * malformed header never makes a link.
 */
export function requestOrigin(host: string | undefined, encrypted = false): string | undefined {
  if (!host || !/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/.test(host)) return undefined;
  return `${encrypted ? "https" : "http"}://${host}`;
}
