import type { Endpoint, Role } from "@thuocdo/contract";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { type Actor, hasRole } from "./actor.ts";
import { AppError } from "./app-error.ts";

/**
 * Who may call a route, declared next to it and checked before the handler:
 * `public` (anyone), `session` (any signed-in user), or a list of roles the
 * user must hold somewhere. The finer check — is this unit inside the
 * caller's scope? — belongs to each module's policy.
 */
export type Access = "public" | "session" | readonly Role[];

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteInput<E extends Endpoint, A extends Access> {
  actor: A extends "public" ? Actor | null : Actor;
  params: Out<E["params"]>;
  query: Out<E["query"]>;
  body: Out<E["body"]>;
  request: FastifyRequest;
  reply: FastifyReply;
}

type Handler<E extends Endpoint, A extends Access> = (
  input: RouteInput<E, A>,
) => Promise<E["raw"] extends "download" ? unknown : z.input<E["response"]>>;

export function authorize(actor: Actor | null, access: Access): Actor | null {
  if (access === "public") return actor;
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (access !== "session" && !hasRole(actor, access)) throw new AppError("FORBIDDEN");
  return actor;
}

export interface RouteOptions {
  /**
   * The handler joins a batch of its kind (a `Batcher`) and holds no database connection while it
   * waits: the door in front of the API (`admission.ts`) lets it straight in, so a month-end's
   * requests gather into large batches instead of trickling in a few at a time.
   */
  batched?: boolean;
}

/** Registers one contract endpoint with its schemas (validated in and out) and its access rule. */
export function route<E extends Endpoint, A extends Access>(
  app: FastifyInstance,
  endpoint: E,
  access: A,
  handler: Handler<E, A>,
  options: RouteOptions = {},
): void {
  const schema: Record<string, unknown> = {
    summary: endpoint.summary,
    tags: [endpoint.path.split("/")[3] ?? "system"],
  };
  if (endpoint.params) schema.params = endpoint.params;
  if (endpoint.query) schema.querystring = endpoint.query;
  if (endpoint.body) schema.body = endpoint.body;
  if (!endpoint.raw) schema.response = { 200: endpoint.response };
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    schema,
    config: { access, batched: options.batched ?? false },
    handler: async (request, reply) => {
      const actor = authorize(request.actor, access);
      return handler({
        actor: actor as RouteInput<E, A>["actor"],
        params: request.params as Out<E["params"]>,
        query: request.query as Out<E["query"]>,
        body: request.body as Out<E["body"]>,
        request,
        reply,
      });
    },
  });
}
