import { MEDIA_TYPES } from "./media-types.ts";
/**
 * The Content-Security-Policy the site runs under: only its own origin, no inline script or style.
 * pagefind runs WebAssembly ('wasm-unsafe-eval'); the design system's icons are data: URLs in CSS.
 * A form page's file check runs in a worker from the site's own files (`worker-src 'self'`), and its
 * only request is for the plan, from the same origin (`connect-src 'self'`): the file is never sent.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

/** Headers for static hosts that read a `_headers` file (Netlify, Cloudflare Pages). frame-ancestors works only as a header. */
export function headersFile(): string {
  return [
    "/*",
    `  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
    "  X-Content-Type-Options: nosniff",
    "  Referrer-Policy: strict-origin-when-cross-origin",
    // Every export with its media type, so that a spreadsheet opens as one and text is read as UTF-8.
    ...MEDIA_TYPES.filter(([ending]) => ending !== ".html").flatMap(([ending, type]) => [`/*${ending}`, `  Content-Type: ${type}`]),
    "",
  ].join("\n");
}
