import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { WORK_MANAGERS } from "../work/policy.ts";
import * as service from "./service.ts";

export async function workAssignmentRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
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
}
