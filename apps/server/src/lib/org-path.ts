/**
 * Org units keep their place as a materialised path of ids ("/province/agency/division/"): a unit's
 * subtree is every path that starts with its own, its ancestors are the ids along it.
 */

/** Ids along a path, from the root ("/a/b/c/" → a, b, c). */
export const pathIds = (path: string): string[] => path.split("/").filter(Boolean);
