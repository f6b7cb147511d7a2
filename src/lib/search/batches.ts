/**
 * Maps items with an async function, `size` at a time: enough in flight to keep the disk or another
 * process busy, without opening every file or sending every record at once.
 */
export async function mapInBatches<T, R>(items: readonly T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return results;
}
