import * as pagefind from "pagefind";

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>["index"]>;

/** pagefind's own errors, thrown as one. */
export function check(response: { errors: string[] }): void {
  if (response.errors.length) throw new Error(`pagefind: ${response.errors.join("; ")}`);
}

/**
 * One part of the search index: a pagefind process of its own is given what `fill` adds, writes its
 * bundle to `outputPath` and ends. pagefind holds a whole index in memory until it writes it (3.6 GB
 * for the KOSTRA-scale corpus in one index), so the site is indexed in parts that the search page
 * merges (`mergeIndex`), and the memory of the build's search phase is that of one part.
 */
export async function writeIndexPart(outputPath: string, fill: (index: PagefindIndex) => Promise<void>): Promise<void> {
  // "." and "§" belong to codes and legal references: "2.3" and "§ 4-27" are searched as written.
  const { index, errors } = await pagefind.createIndex({ includeCharacters: ".§", forceLanguage: "nb" });
  if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
  try {
    await fill(index);
    check(await index.writeFiles({ outputPath }));
  } finally {
    // Ends pagefind's process, and with it the part's memory; the next part starts a new one.
    await pagefind.close();
  }
}
