import { describe, expect, it } from "vitest";
import { bodyHtml } from "../src/lib/site/markdown.ts";

describe("proposal and meeting bodies, rendered as Markdown from the registry", () => {
  it("renders the Markdown of the bodies: paragraphs, emphasis, lists, links, tables", () => {
    const html = bodyHtml("Første avsnitt med *vekt*.\n\n- punkt én\n- punkt to\n\n[Kilde](/kilder/001/)\n\n| a | b |\n| - | - |\n| 1 | 2 |\n");
    expect(html).toContain("<p>Første avsnitt med <em>vekt</em>.</p>");
    expect(html).toContain("<li>punkt én</li>");
    expect(html).toContain('<a href="/kilder/001/">Kilde</a>');
    expect(html).toContain("<td>1</td>");
  });

  it("escapes HTML and leaves out script links, should validation ever let them through", () => {
    const html = bodyHtml('Tekst <script>alert(1)</script> og [lenke](javascript:alert(1)) og <img src=x onerror="alert(1)">\n');
    expect(html).not.toMatch(/<script|<img|href="javascript:/);
    expect(html).toContain("&lt;script&gt;");
  });

  it("gives nothing for a body without text", () => {
    expect(bodyHtml("\n  \n")).toBe("");
  });
});
