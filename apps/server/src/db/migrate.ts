import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { Database } from "./database.ts";

export const migrationsFolder = fileURLToPath(new URL("../../drizzle", import.meta.url));

/** An arbitrary constant: every Thước Đo server takes the same advisory lock before migrating. */
const MIGRATION_LOCK_KEY = 335_2025;

interface Journal {
  entries: { idx: number; tag: string }[];
}

export function journal(): Journal {
  return JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, "utf8")) as Journal;
}

/**
 * Applies pending migrations. On PostgreSQL several servers may start at
 * once: a session-level advisory lock makes the others wait, and they then
 * find nothing left to apply. PGlite is single-process (the data folder's
 * lock file guards it), so it needs no lock here.
 */
export async function migrate(database: Database): Promise<void> {
  await database.withAdvisoryLock(MIGRATION_LOCK_KEY, () =>
    database.kind === "pglite"
      ? migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder })
      : migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder }),
  );
}

/** The applied schema version: the tag of the newest migration recorded in the database. */
export async function schemaVersion(database: Database): Promise<{ tag: string; count: number }> {
  // Both drivers answer with `rows`; the shared PgDatabase type does not say so.
  const result = (await database.db.execute(
    sql`select count(*) as count from drizzle.__drizzle_migrations`,
  )) as unknown as {
    rows: { count: number | string }[];
  };
  const count = Number(result.rows[0]?.count ?? 0);
  const tag = journal().entries[count - 1]?.tag ?? "none";
  return { tag, count };
}
