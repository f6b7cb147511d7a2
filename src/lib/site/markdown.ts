import MarkdownIt from "markdown-it";

/**
 * Proposal and meeting bodies are Markdown by rule (validation refuses HTML, JSX, expressions and
 * imports in them, src/lib/validate/safety.ts), so they are rendered here from the registry's text
 * rather than compiled by Astro into a module each: 6,000 modules at KOSTRA scale took a fifth of
 * the page step and, at ten times that, more memory than the machine has (docs/performance.md).
 * Raw HTML is escaped, not passed through, and markdown-it refuses `javascript:` and `data:` links.
 */
const markdown = new MarkdownIt("default", { html: false, linkify: false, typographer: false });

/** A Markdown body as HTML; empty for a body with no text. */
export function bodyHtml(body: string): string {
  return body.trim() ? markdown.render(body).trimEnd() : "";
}
