/** Rows of `db.execute`: node-postgres answers `{ rows }`, PGlite's Drizzle driver too, older ones an array. */
export const rowsOf = <T>(result: unknown): T[] =>
  ((result as { rows?: unknown[] }).rows ?? (result as unknown[])) as T[];
