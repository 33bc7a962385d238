import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { CLASSIFICATION_HEAD, CLASSIFICATION_HR } from "../classification/policy.ts";
import * as service from "./service.ts";

/** The meeting, proposal, decision and publication (Art. 21). */
export async function classificationDecisionRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.addMinutes, CLASSIFICATION_HR, ({ actor, params, body }) =>
    service.addMinutes(deps, actor, params.id, body),
  );
  route(app, endpoints.propose, CLASSIFICATION_HR, ({ actor, params, body }) =>
    service.propose(deps, actor, params.id, body),
  );
  route(app, endpoints.decide, CLASSIFICATION_HEAD, ({ actor, params, body }) =>
    service.decide(deps, actor, params.id, body),
  );
  route(app, endpoints.publish, CLASSIFICATION_HEAD, ({ actor, params, body }) =>
    service.publish(deps, actor, params.id, body),
  );
}
