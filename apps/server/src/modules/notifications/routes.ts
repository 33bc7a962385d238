import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import * as service from "./service.ts";

export async function notificationRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.listNotifications, "session", ({ actor, query }) => service.listMine(deps, actor, query));
  route(app, endpoints.markNotificationRead, "session", ({ actor, params }) =>
    service.markRead(deps, actor, params.id),
  );
  route(app, endpoints.markAllNotificationsRead, "session", ({ actor }) => service.markAllRead(deps, actor));
}
