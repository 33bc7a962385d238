import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import * as service from "./service.ts";

export async function evaluationSelfRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(
    app,
    endpoints.submitSelfEvaluation,
    "session",
    ({ actor, params, body }) => service.submitSelfEvaluation(deps, actor, params.id, body),
    { batched: true },
  );
}
