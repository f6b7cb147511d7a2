import MarkdownIt, { type MarkdownItOptions } from "markdown-it";
import { isAllowedLink } from "./link-schemes.ts";

/**
 * Proposal and meeting bodies are Markdown by rule (validation refuses HTML, JSX, expressions and
 * imports in them, src/lib/validate/safety.ts), so they are rendered here from the registry's text
 * rather than compiled by Astro into a module each: 6,000 modules at KOSTRA scale took a fifth of
 * the page step and, at ten times that, more memory than the machine has (docs/performance.md).
 * Raw HTML is escaped, not passed through. Bare URLs in text are not made links (`linkify: false`).
 */
export const MARKDOWN_OPTIONS: MarkdownItOptions = { html: false, linkify: false, typographer: false };

const markdown = new MarkdownIt("default", MARKDOWN_OPTIONS);
/**
 * Defence in depth behind validation (src/lib/validate/links.ts): a link or image whose target is
 * not https:, http:, mailto: or internal (src/lib/site/link-schemes.ts) is not made a link at all:
 * its Markdown stays as text. markdown-it's own rule refused only `javascript:`, `vbscript:`,
 * `file:` and most `data:`, and let `smb:`, `ms-msdt:`, `search-ms:` and the rest through.
 */
markdown.validateLink = isAllowedLink;

/** A Markdown body as HTML; empty for a body with no text. */
export function bodyHtml(body: string): string {
  return body.trim() ? markdown.render(body).trimEnd() : "";
}
