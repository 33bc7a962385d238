import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { PERIOD_ADMINS, WORK_MANAGERS } from "./policy.ts";
import * as service from "./service.ts";

export async function workRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.listPeriods, "session", ({ actor, query }) => service.listPeriods(deps, actor, query));
  route(app, endpoints.getPeriod, "session", ({ actor, params }) => service.getPeriod(deps, actor, params.id));
  route(app, endpoints.openPeriod, PERIOD_ADMINS, ({ actor, body }) => service.openPeriod(deps, actor, body));

  route(app, endpoints.listAssignments, WORK_MANAGERS, ({ actor, params, query }) =>
    service.listAssignments(deps, actor, params.id, query),
  );
  route(app, endpoints.createAssignments, WORK_MANAGERS, ({ actor, params, body }) =>
    service.createAssignments(deps, actor, params.id, body),
  );
  route(app, endpoints.createTeamAssignment, WORK_MANAGERS, ({ actor, params, body }) =>
    service.createTeamAssignment(deps, actor, params.id, body),
  );
  route(app, endpoints.updateAssignment, WORK_MANAGERS, ({ actor, params, body }) =>
    service.updateAssignment(deps, actor, params.id, body),
  );
  route(app, endpoints.deleteAssignment, WORK_MANAGERS, ({ actor, params }) =>
    service.deleteAssignment(deps, actor, params.id),
  );
  route(app, endpoints.handBackAssignment, WORK_MANAGERS, ({ actor, params, body }) =>
    service.handBackAssignment(deps, actor, params.id, body),
  );
  route(app, endpoints.extendDeadline, WORK_MANAGERS, ({ actor, params, body }) =>
    service.extendDeadline(deps, actor, params.id, body),
  );

  route(app, endpoints.createDelivery, "session", ({ actor, params, body }) =>
    service.createDelivery(deps, actor, params.id, body),
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

  route(app, endpoints.myMonth, "session", ({ actor, query }) => service.myMonth(deps, actor, query.periodId));
  route(app, endpoints.divisionBoard, WORK_MANAGERS, ({ actor, params, query }) =>
    service.divisionBoard(deps, actor, params.id, query),
  );
}
