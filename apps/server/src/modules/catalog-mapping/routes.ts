import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { CATALOG_EDITORS } from "../catalog/policy.ts";
import { MAPPING_READERS } from "./policy.ts";
import * as service from "./service.ts";

export async function catalogMappingRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.getPositionItems, MAPPING_READERS, ({ actor, params }) =>
    service.getPositionItems(deps, actor, params.id),
  );
  route(app, endpoints.putPositionItems, CATALOG_EDITORS, ({ actor, params, body }) =>
    service.putPositionItems(deps, actor, params.id, body.codes),
  );
}
