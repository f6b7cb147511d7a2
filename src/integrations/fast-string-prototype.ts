/**
 * Keeps `String.prototype` a fast prototype in the process that builds the pages.
 *
 * Astro's runtime declares `class HTMLString extends String`. In V8 (Node 20 to 24 alike),
 * declaring a subclass of String turns `String.prototype` into a dictionary for good, and every
 * string method called from optimised code (`charCodeAt`, `slice`, `indexOf`, …) then looks its
 * function up at each call instead of having it inlined: `charCodeAt` in a loop 4 times slower,
 * js-yaml 2.3 times. In a CPU profile of the page build at KOSTRA scale, reading the content took
 * 11.6 s (the API's process reads the same files in 6 s) and the whole process 78.5 s; with the
 * prototype kept fast, 5.9 s and 57.9 s (the profiler exaggerates it: without it, 3–7 s of CPU less).
 *
 * A property read through an ordinary object whose prototype is `String.prototype`, once the
 * reading function keeps feedback (after about ten calls; it is called 5,000 times to leave no
 * doubt, well under a millisecond), has V8 make the prototype fast again and mark it to stay
 * fast: a later subclass no longer turns it back (test/fast-string-prototype.test.ts).
 */
export function keepStringPrototypeFast(): void {
  const probe = Object.create(String.prototype) as { charCodeAt: unknown };
  const read = (o: { charCodeAt: unknown }) => o.charCodeAt;
  for (let i = 0; i < 5000; i++) read(probe);
}
