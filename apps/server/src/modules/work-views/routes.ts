import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { WORK_MANAGERS } from "../work/policy.ts";
import * as service from "./service.ts";

export async function workViewRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.myMonth, "session", ({ actor, query }) => service.myMonth(deps, actor, query.periodId));
  route(app, endpoints.divisionBoard, WORK_MANAGERS, ({ actor, params, query }) =>
    service.divisionBoard(deps, actor, params.id, query),
  );
}
