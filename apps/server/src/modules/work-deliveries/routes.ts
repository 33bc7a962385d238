import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { WORK_MANAGERS } from "../work/policy.ts";
import * as service from "./service.ts";

export async function workDeliveryRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(
    app,
    endpoints.createDelivery,
    "session",
    ({ actor, params, body }) => service.createDelivery(deps, actor, params.id, body),
    { batched: true },
  );
  route(app, endpoints.deleteDelivery, "session", ({ actor, params }) =>
    service.deleteDelivery(deps, actor, params.id),
  );
  route(app, endpoints.listDeliveries, WORK_MANAGERS, ({ actor, params, query }) =>
    service.listDeliveries(deps, actor, params.id, query),
  );
  route(app, endpoints.reviewDelivery, WORK_MANAGERS, ({ actor, params, body }) =>
    service.reviewDelivery(deps, actor, params.id, body),
  );
  route(app, endpoints.excuseDelivery, WORK_MANAGERS, ({ actor, params, body }) =>
    service.excuseDelivery(deps, actor, params.id, body),
  );
}
