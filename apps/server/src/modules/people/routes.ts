import { endpoints, type Person } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { type SheetColumn, writeSheet, XLSX_MIME } from "../../lib/xlsx.ts";
import { PEOPLE_EDITORS, PEOPLE_READERS } from "./policy.ts";
import * as service from "./service.ts";

const leaderLabels = { head: "Cấp trưởng", deputy: "Cấp phó", none: "" } as const;

const exportColumns: SheetColumn<Person>[] = [
  { header: "Mã công chức", width: 14, value: (p) => p.employeeCode },
  { header: "Họ và tên", width: 28, value: (p) => p.fullName },
  { header: "Đơn vị", width: 32, value: (p) => p.unitName },
  { header: "Vị trí việc làm", width: 32, value: (p) => p.positionName },
  { header: "Lãnh đạo", width: 12, value: (p) => leaderLabels[p.leaderRole] },
  { header: "Chức vụ", width: 24, value: (p) => p.title },
  { header: "Email", width: 26, value: (p) => p.email },
  { header: "Điện thoại", width: 14, value: (p) => p.phone },
  { header: "Trạng thái", width: 12, value: (p) => (p.active ? "Đang công tác" : "Ngừng theo dõi") },
];

export async function peopleRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.exportPeople, PEOPLE_READERS, async ({ actor, query, reply }) => {
    const rows = await service.listAllPeople(deps, actor, query);
    const file = await writeSheet("Công chức", exportColumns, rows);
    return reply
      .header("content-type", XLSX_MIME)
      .header("content-disposition", 'attachment; filename="cong-chuc.xlsx"')
      .send(file);
  });
  route(app, endpoints.listPeople, PEOPLE_READERS, ({ actor, query }) => service.listPeople(deps, actor, query));
  route(app, endpoints.getPerson, "session", ({ actor, params }) => service.getPerson(deps, actor, params.id));
  route(app, endpoints.createPerson, PEOPLE_EDITORS, ({ actor, body }) => service.createPerson(deps, actor, body));
  route(app, endpoints.updatePerson, PEOPLE_EDITORS, ({ actor, params, body }) =>
    service.updatePerson(deps, actor, params.id, body),
  );
}
