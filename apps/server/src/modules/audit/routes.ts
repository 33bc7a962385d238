import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import * as service from "./service.ts";

export async function auditRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.listAudit, ["admin", "hr"], ({ actor, query }) => service.listAudit(deps, actor, query));
}
