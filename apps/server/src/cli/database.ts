import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { lockDataDir } from "../db/data-dir-lock.ts";
import { type Database, type DatabaseConfig, openDatabase } from "../db/database.ts";
import { migrate } from "../db/migrate.ts";

const root = fileURLToPath(new URL("../../../..", import.meta.url));

/**
 * The database the environment names, as `npm start` reads it: PostgreSQL when DATABASE_URL is
 * set, else the embedded PGlite under DATA_DIR (./data, from the repository root). For PGlite the
 * config holds the data folder; the database itself lives in its `pglite/` subfolder.
 */
export function databaseFromEnv(env: NodeJS.ProcessEnv = process.env): { config: DatabaseConfig; label: string } {
  if (env.DATABASE_URL)
    return { config: { kind: "postgres", url: env.DATABASE_URL }, label: "PostgreSQL (DATABASE_URL)" };
  const dataDir = resolve(root, env.DATA_DIR ?? "data");
  return { config: { kind: "pglite", dataDir }, label: `PGlite nhúng tại ${dataDir}` };
}

export interface CliDatabase {
  database: Database;
  /** Where the data lives, in Vietnamese, for the summary line. */
  label: string;
  close(): Promise<void>;
}

/** Opens the environment's database for a command: locked against a running server, migrated. */
export async function openCliDatabase(env: NodeJS.ProcessEnv = process.env): Promise<CliDatabase> {
  const { config, label } = databaseFromEnv(env);
  if (config.kind !== "pglite") {
    const database = await openDatabase(config);
    await migrate(database);
    return { database, label, close: () => database.close() };
  }
  const release = lockDataDir(config.dataDir);
  try {
    const database = await openDatabase({ kind: "pglite", dataDir: join(config.dataDir, "pglite") });
    await migrate(database);
    return {
      database,
      label,
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

/**
 * Periods scored at once by a bulk recompute. Each waits on a few round trips in turn, so more of
 * them than cores keep both Node and PostgreSQL busy: on 2 cores a province took 13 s with 8 of
 * the pool's 10 connections, 15 s with 4 and 16 s with 3. PGlite has a single connection.
 */
export const scoringConcurrency = (database: Database) => (database.kind === "postgres" ? 8 : 1);
