import type { FastifyInstance, FastifyRequest } from "fastify";

declare module "fastify" {
  interface FastifyRequest {
    admitted: boolean;
  }
}

/**
 * How many API requests are worked on at once; the rest wait at the door in arrival order. Without
 * a door, a month-end burst of 200 requests takes turns at the database query by query, and a
 * request whose every query lands at the back of the line waits many times the average (on PGlite,
 * one connection, past a client's 10 s timeout). With it, every request waits about as long as the
 * line ahead of it: the same throughput, a fair tail. PGlite does one thing at a time, so a few
 * in flight keep it busy; PostgreSQL gets two per connection of its pool of 10. Batched writes
 * (route option `batched`) pass: they wait in their batch's queue, in arrival order, holding nothing.
 */
export const admissionLimit = (kind: "pglite" | "postgres"): number => (kind === "pglite" ? 4 : 20);

const isBatched = (request: FastifyRequest) =>
  (request.routeOptions.config as { batched?: boolean } | undefined)?.batched === true;

export function installAdmission(app: FastifyInstance, limit: number): void {
  const waiting: (() => void)[] = [];
  let active = 0;
  const leave = (request: FastifyRequest) => {
    if (!request.admitted) return;
    request.admitted = false;
    const next = waiting.shift();
    // Hand the place over on a later turn of the event loop: PGlite answers without real I/O, so
    // admitting at once would run the whole line in one go and never read a socket meanwhile.
    if (next) setImmediate(next);
    else active--;
  };
  app.decorateRequest("admitted", false);
  app.addHook("onRequest", async (request, reply) => {
    if (!request.url.startsWith("/api/") || isBatched(request)) return;
    if (active < limit) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    request.admitted = true;
    // Every request ends with its response's "close": sent, failed, or the client gone (even while
    // it waited here, when no hook of Fastify's would run for it). One event, one release.
    if (reply.raw.closed) leave(request);
    else reply.raw.once("close", () => leave(request));
  });
}
