import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { RECORD_EDITORS } from "./policy.ts";
import * as service from "./service.ts";

/** Discipline, degradation and corruption records; leave; transfers (Art. 11, 19.1, 20.4). */
export async function recordRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.listRecords, "session", ({ actor, query }) => service.listRecords(deps, actor, query));
  route(app, endpoints.createRecord, RECORD_EDITORS, ({ actor, body }) => service.createRecord(deps, actor, body));
  route(app, endpoints.updateRecord, RECORD_EDITORS, ({ actor, params, body }) =>
    service.updateRecord(deps, actor, params.id, body),
  );
  route(app, endpoints.deleteRecord, RECORD_EDITORS, ({ actor, params, body }) =>
    service.deleteRecord(deps, actor, params.id, body),
  );
  route(app, endpoints.listLeave, "session", ({ actor, query }) => service.listLeave(deps, actor, query));
  route(app, endpoints.setLeave, RECORD_EDITORS, ({ actor, body }) => service.setLeave(deps, actor, body));
  route(app, endpoints.listTransfers, "session", ({ actor, query }) => service.listTransfers(deps, actor, query));
  route(app, endpoints.createTransfer, RECORD_EDITORS, ({ actor, body }) => service.createTransfer(deps, actor, body));
}
