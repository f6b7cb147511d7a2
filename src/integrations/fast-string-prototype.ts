/**
 * Keeps `String.prototype` a fast prototype in the process that builds the pages.
 *
 * Astro's runtime declares `class HTMLString extends String`. In V8 (Node 20 to 24 alike),
 * declaring a subclass of String turns `String.prototype` into a dictionary for good, and every
 * string method called from optimised code (`charCodeAt`, `slice`, `indexOf`, …) then looks its
 * function up at each call instead of having it inlined: 2 to 4 times slower. It slowed everything
 * the page build does with text, from reading the content's YAML (8.5 s in Astro's process against
 * 3.3 s in the API's for the same files) to rendering.
 *
 * A property read through an ordinary object whose prototype is `String.prototype`, once the
 * reading function keeps feedback (after a few hundred calls), has V8 make the prototype fast again
 * and mark it to stay fast: a later subclass no longer turns it back (test/fast-string-prototype.test.ts).
 */
export function keepStringPrototypeFast(): void {
  const probe = Object.create(String.prototype) as { charCodeAt: unknown };
  const read = (o: { charCodeAt: unknown }) => o.charCodeAt;
  for (let i = 0; i < 5000; i++) read(probe);
}
