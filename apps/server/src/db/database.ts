import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { FairPGlite } from "./fair-pglite.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
/** A Drizzle handle: the database itself or a transaction inside it (a transaction is a PgDatabase too). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseConfig =
  | { kind: "memory" }
  | { kind: "pglite"; dataDir: string }
  | { kind: "postgres"; url: string; poolSize?: number };

export interface Database {
  kind: "pglite" | "postgres";
  db: Db;
  /** Runs raw SQL text (migrations, maintenance). */
  exec(sqlText: string): Promise<void>;
  /**
   * Runs `fn` while holding a PostgreSQL session-level advisory lock on a
   * dedicated connection, so other servers wait; if this process dies the
   * connection closes and the lock goes with it. PGlite has one process and
   * runs `fn` directly.
   */
  withAdvisoryLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** The underlying PGlite, for dumping test templates. */
  pglite?: PGlite;
}

export interface OpenOptions {
  loadDataDir?: Blob;
  /** Called with the text of every query Drizzle sends: tests count queries with it. */
  onQuery?: (sqlText: string) => void;
}

export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  const onQuery = options.onQuery;
  const logger = onQuery ? { logQuery: (text: string) => onQuery(text) } : undefined;
  if (config.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10 });
    // A dropped connection must not crash the process; the next query reconnects.
    pool.on("error", () => {});
    return {
      kind: "postgres",
      db: drizzlePg(pool, { schema, logger }) as unknown as Db,
      exec: async (text) => {
        await pool.query(text);
      },
      withAdvisoryLock: async (key, fn) => {
        const conn = await pool.connect();
        try {
          await conn.query("select pg_advisory_lock($1)", [key]);
          try {
            return await fn();
          } finally {
            await conn.query("select pg_advisory_unlock($1)", [key]);
          }
        } finally {
          conn.release();
        }
      },
      close: () => pool.end(),
    };
  }
  const client =
    config.kind === "memory"
      ? new FairPGlite(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {})
      : new FairPGlite(config.dataDir);
  await client.waitReady;
  return {
    kind: "pglite",
    db: drizzlePglite(client, { schema, logger }) as unknown as Db,
    exec: async (text) => {
      await client.exec(text);
    },
    withAdvisoryLock: (_key, fn) => fn(),
    close: () => client.close(),
    pglite: client,
  };
}
