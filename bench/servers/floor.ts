import Fastify from "fastify";
import { openCliDatabase } from "../../apps/server/src/cli/database.ts";
import { createFloorTable, dropFloorTable, insertFloorRow } from "../measure/floor-repo.ts";

/**
 * The floor of the burst: a bare Fastify route that inserts one row through the same database
 * driver and pool size as the product, with no session, validation, audit or scoring.
 */
const { database, close } = await openCliDatabase();
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
    await close();
    process.exit(0);
  });
});
