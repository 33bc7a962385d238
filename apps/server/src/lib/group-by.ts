/**
 * Items grouped by a key, in their original order, for lookups inside a loop over another list
 * (one pass instead of a `filter` per element). `Map.groupBy` arrives only with Node 21.
 */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
