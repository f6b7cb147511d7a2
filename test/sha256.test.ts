/** The API's checksums: text hashed through a reused buffer gives the digest of the text's UTF-8, as Node's own hashing of the string does. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { bytesHashedLast, sha256 } from "../src/lib/export/published-hashes.ts";

const direct = (s: string) => createHash("sha256").update(s).digest("hex");

describe("sha256 of text", () => {
  it("equals the digest of the string's UTF-8, lone surrogates and long texts included", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: fc.constantFrom("a", "ø", "–", "\ud800", "\udc00", "\ud83d\ude00", "\n") })), (s) => {
        expect(sha256(s)).toBe(direct(s));
      }),
      { numRuns: 3000 },
    );
    // Longer than the buffer so far (it grows), then a short one (the old bytes must not count).
    for (const s of ["æ".repeat(3 << 20), "x", "–".repeat(1 << 20) + "\ud800", "y"]) expect(sha256(s)).toBe(direct(s));
  });
  it("hashes bytes as they are", () => {
    const bytes = new Uint8Array([0, 1, 2, 255]);
    expect(sha256(bytes)).toBe(createHash("sha256").update(bytes).digest("hex"));
  });
  it("gives the bytes it hashed for the text hashed last, and nothing for any other", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "ø", "–", "\ud800", "\ud83d\ude00") }), fc.string(), (s, other) => {
        sha256(s);
        // The UTF-8 a file of this text holds: what Node writes for the string.
        expect(Buffer.from(bytesHashedLast(s)!).equals(Buffer.from(s, "utf8"))).toBe(true);
        if (other !== s) expect(bytesHashedLast(other)).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
    // Bytes hashed since, and a text too long for the buffer (hashed as a string), leave nothing to reuse.
    sha256("a");
    sha256(new Uint8Array([1]));
    expect(bytesHashedLast("a")).toBeUndefined();
    const long = "x".repeat((16 << 20) + 1);
    sha256(long);
    expect(bytesHashedLast(long)).toBeUndefined();
  });
});
