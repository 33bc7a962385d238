import Fastify from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { installAdmission } from "./admission.ts";

// The door in front of the API: never more than `limit` requests inside, the rest let in by
// arrival, and a place is never lost (a failed or abandoned request frees it).

const apps: ReturnType<typeof Fastify>[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function gatedApp(limit: number) {
  const app = Fastify();
  apps.push(app);
  installAdmission(app, limit);
  let inside = 0;
  let most = 0;
  const order: number[] = [];
  app.get("/api/slow/:n", async (request) => {
    const n = Number((request.params as { n: string }).n);
    inside++;
    most = Math.max(most, inside);
    order.push(n);
    await new Promise((resolve) => setTimeout(resolve, 5));
    inside--;
    if (n % 5 === 0) throw new Error("boom");
    return { n };
  });
  app.get("/page", async () => ({ page: true }));
  app.get("/api/batched", { config: { batched: true } }, async () => ({ batched: true }));
  await app.ready();
  return { app, most: () => most, order };
}

describe("admission", () => {
  it("keeps at most the limit inside, lets the others in by arrival, and frees places on errors", async () => {
    const { app, most, order } = await gatedApp(3);
    const replies = await Promise.all(Array.from({ length: 30 }, (_, n) => app.inject(`/api/slow/${n}`)));
    expect(replies.filter((r) => r.statusCode === 200)).toHaveLength(24);
    expect(replies.filter((r) => r.statusCode === 500)).toHaveLength(6);
    expect(most()).toBe(3);
    expect(order).toEqual(Array.from({ length: 30 }, (_, n) => n));
    // Every place came back: another full round gets through.
    const again = await Promise.all(Array.from({ length: 10 }, (_, n) => app.inject(`/api/slow/${n + 1}`)));
    expect(again.map((r) => r.statusCode).sort()).toEqual([...Array(8).fill(200), 500, 500]);
  });

  it("frees the places of clients that hang up, inside or still waiting", async () => {
    const { app } = await gatedApp(2);
    await app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = app.server.address() as { port: number };
    const gone = Array.from({ length: 6 }, (_, n) => {
      const controller = new AbortController();
      const request = fetch(`http://127.0.0.1:${port}/api/slow/${n + 1}`, { signal: controller.signal }).catch(
        () => null,
      );
      setTimeout(() => controller.abort(), 1);
      return request;
    });
    await Promise.all(gone);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const after = await Promise.all(
      [1, 2, 3].map((n) => fetch(`http://127.0.0.1:${port}/api/slow/${n}`, { signal: AbortSignal.timeout(2000) })),
    );
    expect(after.map((r) => r.status)).toEqual([200, 200, 200]);
  });

  it("does not hold back what is not the API (the web app's files)", async () => {
    const { app } = await gatedApp(1);
    const replies = await Promise.all([app.inject("/api/slow/1"), app.inject("/page")]);
    expect(replies.map((r) => r.statusCode)).toEqual([200, 200]);
  });

  it("lets batched writes straight in: they wait in their batch, not at the door", async () => {
    const { app, most } = await gatedApp(1);
    let batchedDone = 0;
    const slow = Array.from({ length: 4 }, (_, n) => app.inject(`/api/slow/${n + 1}`));
    const batched = Array.from({ length: 4 }, () =>
      app.inject("/api/batched").then((r) => {
        batchedDone++;
        return r;
      }),
    );
    const first = await Promise.race(slow.map((p, i) => p.then(() => i)));
    // The four batched calls answered while the slow ones still took turns one at a time.
    expect(first).toBe(0);
    expect(batchedDone).toBe(4);
    expect((await Promise.all([...slow, ...batched])).map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    expect(most()).toBe(1);
  });
});
