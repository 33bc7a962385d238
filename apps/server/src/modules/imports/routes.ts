import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { AppError } from "../../http/app-error.ts";
import { route } from "../../http/route.ts";
import { writeSheet, XLSX_MIME } from "../../lib/xlsx.ts";
import { PEOPLE_EDITORS } from "../people/policy.ts";
import * as service from "./service.ts";

const example = [
  {
    employeeCode: "NA-031",
    fullName: "Nguyễn Thị Hoa",
    unit: "Phòng Kinh tế",
    position: "KT-NN",
    leaderRole: "",
    title: "Chuyên viên",
    email: "hoa.nt@nguyetan.thanhhoa.gov.vn",
    phone: "0912345678",
  },
];

export async function importRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.peopleImportTemplate, PEOPLE_EDITORS, async ({ reply }) => {
    const columns = Object.entries(service.peopleColumns).map(([key, header]) => ({
      header,
      width: 24,
      value: (row: Record<string, string>) => row[key],
    }));
    const file = await writeSheet("Công chức", columns, example, service.peopleTemplateNotes);
    return reply
      .header("content-type", XLSX_MIME)
      .header("content-disposition", 'attachment; filename="mau-nhap-cong-chuc.xlsx"')
      .send(file);
  });

  route(app, endpoints.importPeople, PEOPLE_EDITORS, async ({ actor, query, request }) => {
    const part = await request.file();
    if (!part) throw new AppError("FILE_INVALID", { reason: "no_file" });
    const buffer = await part.toBuffer();
    return service.importPeople(deps, actor, query.agencyId, buffer);
  });
}
