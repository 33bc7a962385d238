import type { DatabaseConfig } from "../../apps/server/src/db/database.ts";

/** The benchmark's database, as `npm start` and `npm run gen` choose it: DATABASE_URL, else PGlite under DATA_DIR. */
export function benchDatabase(env: NodeJS.ProcessEnv = process.env): { config: DatabaseConfig; label: string } {
  if (env.DATABASE_URL) return { config: { kind: "postgres", url: env.DATABASE_URL }, label: "PostgreSQL" };
  const dataDir = env.DATA_DIR ?? "data";
  return { config: { kind: "pglite", dataDir }, label: `PGlite (${dataDir})` };
}
