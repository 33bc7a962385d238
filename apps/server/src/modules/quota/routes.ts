import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { QUOTA_EDITORS, QUOTA_READERS } from "./policy.ts";
import * as service from "./service.ts";

/** Nhóm công chức có nhiệm vụ tương đồng (Art. 20.5). */
export async function quotaRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.listQuotaGroups, QUOTA_READERS, ({ actor, query }) =>
    service.listGroups(deps, actor, query.agencyId),
  );
  route(app, endpoints.createQuotaGroup, QUOTA_EDITORS, ({ actor, body }) => service.createGroup(deps, actor, body));
  route(app, endpoints.updateQuotaGroup, QUOTA_EDITORS, ({ actor, params, body }) =>
    service.updateGroup(deps, actor, params.id, body),
  );
  route(app, endpoints.deleteQuotaGroup, QUOTA_EDITORS, ({ actor, params }) =>
    service.deleteGroup(deps, actor, params.id),
  );
}
