/**
 * Links a reader follows in a feed served by `kostra serve` point at the server that answered, as
 * the KLASS documents' do (klass-links.ts). A feed is built on the site's public address; its
 * `<link href>` (the feed itself, its entries' pages) are moved to the server's origin, while the
 * identities (`<id>`, an author's `<uri>`) stay as built: an id never depends on where it is read.
 */

/** The address a feed was built on, from its `rel="self"` link and the path it is served at. */
export function builtAddress(feed: string, path: string): string | undefined {
  const self = /<link rel="self" href="([^"]*)"/.exec(feed)?.[1];
  return self?.endsWith(path) ? self.slice(0, -path.length) : undefined;
}

/** `feed` with every `href` on `from` (`from/…`) moved to `to`; the rest as it was. */
export function rebaseFeed(feed: string, from: string, to: string): string {
  if (from === to) return feed;
  return feed.replaceAll(`href="${from}/`, `href="${to}/`);
}
