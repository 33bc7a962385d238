import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { CALENDAR_EDITORS, PETITION_HANDLERS } from "./policy.ts";
import * as service from "./service.ts";

/** Kiến nghị (Art. 22) and the working-day calendar they are due on. */
export async function petitionRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.listPetitions, "session", ({ actor, query }) => service.listPetitions(deps, actor, query));
  route(app, endpoints.getPetition, "session", ({ actor, params }) => service.getPetition(deps, actor, params.id));
  route(app, endpoints.filePetition, "session", ({ actor, body }) => service.filePetition(deps, actor, body));
  route(app, endpoints.answerPetition, PETITION_HANDLERS, ({ actor, params, body }) =>
    service.answerPetition(deps, actor, params.id, body),
  );
  route(app, endpoints.listHolidays, "session", ({ query }) => service.holidaysFor(deps.db, query.year, query.year));
  route(app, endpoints.replaceHolidays, CALENDAR_EDITORS, ({ actor, params, body }) =>
    service.replaceHolidays(deps, actor, params.year, body),
  );
  route(app, endpoints.dueDate, "session", async ({ query }) => {
    const due = await service.dueDate(deps.db, query.from, query.days);
    return { ...due, skipped: [...due.skipped] };
  });
}
