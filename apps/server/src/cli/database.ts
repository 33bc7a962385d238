import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { lockDataDir } from "../db/data-dir-lock.ts";
import { type Database, openDatabase } from "../db/database.ts";
import { migrate } from "../db/migrate.ts";

const root = fileURLToPath(new URL("../../../..", import.meta.url));

export interface CliDatabase {
  database: Database;
  /** Where the data lives, in Vietnamese, for the summary line. */
  label: string;
  close(): Promise<void>;
}

/**
 * The database `npm start` would use: PostgreSQL when DATABASE_URL is set, else the embedded
 * PGlite under DATA_DIR (./data), locked against a running server, migrated to the current schema.
 */
export async function openCliDatabase(env: NodeJS.ProcessEnv = process.env): Promise<CliDatabase> {
  if (env.DATABASE_URL) {
    const database = await openDatabase({ kind: "postgres", url: env.DATABASE_URL });
    await migrate(database);
    return { database, label: "PostgreSQL (DATABASE_URL)", close: () => database.close() };
  }
  const dataDir = resolve(root, env.DATA_DIR ?? "data");
  const release = lockDataDir(dataDir);
  try {
    const database = await openDatabase({ kind: "pglite", dataDir: join(dataDir, "pglite") });
    await migrate(database);
    return {
      database,
      label: `PGlite nhúng tại ${dataDir}`,
      close: async () => {
        await database.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Periods scored at once by a bulk recompute: PGlite has a single connection. */
export const scoringConcurrency = (database: Database) => (database.kind === "postgres" ? 3 : 1);
