import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { FRAMEWORK_EDITORS } from "../frameworks/policy.ts";
import * as service from "./service.ts";

export async function frameworkCriteriaRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.replaceCriteria, FRAMEWORK_EDITORS, ({ actor, params, body }) =>
    service.replaceCriteria(deps, actor, params.id, body),
  );
  route(app, endpoints.createCriterion, FRAMEWORK_EDITORS, ({ actor, params, body }) =>
    service.createCriterion(deps, actor, params.id, body),
  );
  route(app, endpoints.updateCriterion, FRAMEWORK_EDITORS, ({ actor, params, body }) =>
    service.updateCriterion(deps, actor, params.id, body),
  );
  route(app, endpoints.deleteCriterion, FRAMEWORK_EDITORS, ({ actor, params }) =>
    service.deleteCriterion(deps, actor, params.id),
  );
  route(app, endpoints.moveCriterion, FRAMEWORK_EDITORS, ({ actor, params, body }) =>
    service.moveCriterion(deps, actor, params.id, body),
  );
}
