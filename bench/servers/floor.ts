import { join } from "node:path";
import Fastify from "fastify";
import { lockDataDir } from "../../apps/server/src/db/data-dir-lock.ts";
import { openDatabase } from "../../apps/server/src/db/database.ts";
import { createFloorTable, dropFloorTable, insertFloorRow } from "../measure/floor-repo.ts";
import { benchDatabase } from "./database-config.ts";

/**
 * The floor of the burst: a bare Fastify route that inserts one row through the same database
 * driver and pool size as the product, with no session, validation, audit or scoring.
 */
const { config } = benchDatabase();
const release = config.kind === "pglite" ? lockDataDir(config.dataDir) : () => {};
const database = await openDatabase(
  config.kind === "pglite" ? { kind: "pglite", dataDir: join(config.dataDir, "pglite") } : config,
);
await createFloorTable(database.db);
const app = Fastify({ logger: false });
app.post("/floor", async (request) => {
  await insertFloorRow(database.db, JSON.stringify(request.body ?? {}));
  return { ok: true };
});
await app.listen({ port: 0, host: "127.0.0.1" });
const address = app.server.address();
console.log(JSON.stringify({ url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}` }));
process.once("SIGTERM", () => {
  app.close().then(async () => {
    await dropFloorTable(database.db);
    await database.close();
    release();
    process.exit(0);
  });
});
