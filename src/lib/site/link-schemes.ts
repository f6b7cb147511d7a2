import { characterReference } from "../text/character-reference.ts";

/**
 * The link targets a proposal or meeting body may use, shared by validation
 * (src/lib/validate/links.ts) and the renderer (src/lib/site/markdown.ts): `https:`, `http:` and
 * `mailto:` URLs, and internal targets (`/kodelister/plantype/`, `#section`, `../x`, `?q=1`).
 * Every other scheme is refused: `javascript:`, `data:` and `vbscript:` run code, and `smb:`,
 * `file:`, `ms-msdt:`, `search-ms:`, `ftp:`, `tel:` and the like hand the click to another program
 * (on Windows `smb:` leaks the reader's credentials to the host named). A list of what is allowed,
 * not of what is refused, because new dangerous schemes keep being registered.
 */
export const ALLOWED_SCHEMES: readonly string[] = ["https", "http", "mailto"];

/** What is allowed, for messages. */
export const ALLOWED_LINKS = "an https:, http: or mailto: URL, or an internal path such as /kodelister/plantype/, #section or a relative path";

/** `&#115;`, `&#x73;` (the semicolon optional, as browsers read them) and `&colon;`. */
function decodeCharacterReferences(text: string): string {
  return text.replace(/&(?:#(\d{1,8});?|#[xX]([0-9a-fA-F]{1,7});?|([A-Za-z][A-Za-z0-9]{1,31});)/g, (whole, dec?: string, hex?: string, name?: string) => characterReference(dec, hex, name) ?? whole);
}

/**
 * Why a link target is refused, or undefined when it is allowed. The target is read the way a
 * browser reads an `href`, and stricter: character references and percent escapes decoded
 * (repeatedly, so that no level of encoding hides a scheme; markdown-it writes a control character
 * in a target as `%01`), tabs and line breaks removed anywhere, and leading control,
 * format and space characters dropped; the scheme compared without regard to case. A target with
 * no scheme is internal, except one that starts with two slashes (or backslashes, which browsers
 * read as slashes): `//host/` is another host.
 */
export function linkProblem(target: string): string | undefined {
  let url = target;
  for (let i = 0; i < 4; i++) {
    const decoded = decodeCharacterReferences(url).replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    if (decoded === url) break;
    url = decoded;
  }
  url = url.replace(/[\t\n\r]/g, "").replace(/^[\p{Cc}\p{Cf}\p{Z}\s]+/u, "");
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url);
  if (scheme) return ALLOWED_SCHEMES.includes(scheme[1].toLowerCase()) ? undefined : `the scheme "${scheme[1].toLowerCase()}:" is not allowed`;
  if (/^[/\\]{2}/.test(url)) return "a target starting with // leads to another host; write it with https:";
  return undefined;
}

/** Whether a link target is allowed (see linkProblem). */
export function isAllowedLink(target: string): boolean {
  return linkProblem(target) === undefined;
}
