import { z } from "zod";
import {
  auditEntrySchema,
  auditQuery,
  createGrantBody,
  createUserBody,
  healthSchema,
  resetPasswordBody,
  updateUserBody,
  userSchema,
} from "./admin.ts";
import { agencyEndpoints } from "./agency/index.ts";
import { changePasswordBody, grantSchema, loginBody, sessionSchema } from "./auth.ts";
import { catalogEndpoints } from "./catalog.ts";
import { idSchema, okSchema, page } from "./common.ts";
import { define, idParams } from "./endpoint.ts";
import { storedFileSchema } from "./files.ts";
import {
  createOrgUnitBody,
  createPersonBody,
  createPositionBody,
  importResult,
  orgUnitSchema,
  peopleQuery,
  personSchema,
  positionSchema,
  updateOrgUnitBody,
  updatePersonBody,
  updatePositionBody,
} from "./org.ts";
import { reportEndpoints } from "./reports.ts";
import { workEndpoints } from "./work/index.ts";
import { yearEndpoints } from "./year/index.ts";

const foundationEndpoints = define({
  health: { method: "GET", path: "/api/health", response: healthSchema, summary: "Tình trạng hệ thống" },

  session: {
    method: "GET",
    path: "/api/v1/auth/session",
    response: sessionSchema,
    summary: "Phiên đăng nhập hiện tại",
  },
  login: { method: "POST", path: "/api/v1/auth/login", body: loginBody, response: sessionSchema, summary: "Đăng nhập" },
  logout: { method: "POST", path: "/api/v1/auth/logout", response: okSchema, summary: "Đăng xuất" },
  changePassword: {
    method: "POST",
    path: "/api/v1/auth/password",
    body: changePasswordBody,
    response: okSchema,
    summary: "Đổi mật khẩu",
  },

  listUnits: { method: "GET", path: "/api/v1/org/units", response: z.array(orgUnitSchema), summary: "Cây tổ chức" },
  createUnit: {
    method: "POST",
    path: "/api/v1/org/units",
    body: createOrgUnitBody,
    response: orgUnitSchema,
    summary: "Thêm đơn vị",
  },
  updateUnit: {
    method: "PATCH",
    path: "/api/v1/org/units/:id",
    params: idParams,
    body: updateOrgUnitBody,
    response: orgUnitSchema,
    summary: "Sửa đơn vị",
  },
  deleteUnit: {
    method: "DELETE",
    path: "/api/v1/org/units/:id",
    params: idParams,
    response: okSchema,
    summary: "Xóa đơn vị",
  },

  listPositions: {
    method: "GET",
    path: "/api/v1/org/positions",
    query: z.object({ agencyId: idSchema.optional() }),
    response: z.array(positionSchema),
    summary: "Vị trí việc làm",
  },
  createPosition: {
    method: "POST",
    path: "/api/v1/org/positions",
    body: createPositionBody,
    response: positionSchema,
    summary: "Thêm vị trí việc làm",
  },
  updatePosition: {
    method: "PATCH",
    path: "/api/v1/org/positions/:id",
    params: idParams,
    body: updatePositionBody,
    response: positionSchema,
    summary: "Sửa vị trí việc làm",
  },
  deletePosition: {
    method: "DELETE",
    path: "/api/v1/org/positions/:id",
    params: idParams,
    response: okSchema,
    summary: "Xóa vị trí việc làm",
  },

  listPeople: {
    method: "GET",
    path: "/api/v1/org/people",
    query: peopleQuery,
    response: page(personSchema),
    summary: "Danh sách công chức",
  },
  getPerson: {
    method: "GET",
    path: "/api/v1/org/people/:id",
    params: idParams,
    response: personSchema,
    summary: "Hồ sơ công chức",
  },
  createPerson: {
    method: "POST",
    path: "/api/v1/org/people",
    body: createPersonBody,
    response: personSchema,
    summary: "Thêm công chức",
  },
  updatePerson: {
    method: "PATCH",
    path: "/api/v1/org/people/:id",
    params: idParams,
    body: updatePersonBody,
    response: personSchema,
    summary: "Sửa công chức",
  },
  exportPeople: {
    method: "GET",
    path: "/api/v1/org/people/export",
    query: peopleQuery.omit({ page: true, pageSize: true }),
    response: z.unknown(),
    raw: "download",
    summary: "Xuất danh sách công chức (XLSX)",
  },
  peopleImportTemplate: {
    method: "GET",
    path: "/api/v1/org/people/import-template",
    response: z.unknown(),
    raw: "download",
    summary: "Tải mẫu nhập công chức (XLSX)",
  },
  importPeople: {
    method: "POST",
    path: "/api/v1/org/people/import",
    query: z.object({ agencyId: idSchema }),
    response: importResult,
    raw: "upload",
    summary: "Nhập công chức từ tệp XLSX",
  },

  listUsers: { method: "GET", path: "/api/v1/admin/users", response: z.array(userSchema), summary: "Tài khoản" },
  createUser: {
    method: "POST",
    path: "/api/v1/admin/users",
    body: createUserBody,
    response: userSchema,
    summary: "Thêm tài khoản",
  },
  updateUser: {
    method: "PATCH",
    path: "/api/v1/admin/users/:id",
    params: idParams,
    body: updateUserBody,
    response: userSchema,
    summary: "Sửa tài khoản",
  },
  resetPassword: {
    method: "POST",
    path: "/api/v1/admin/users/:id/password",
    params: idParams,
    body: resetPasswordBody,
    response: okSchema,
    summary: "Đặt lại mật khẩu",
  },
  addGrant: {
    method: "POST",
    path: "/api/v1/admin/users/:id/grants",
    params: idParams,
    body: createGrantBody,
    response: grantSchema,
    summary: "Cấp vai trò",
  },
  removeGrant: {
    method: "DELETE",
    path: "/api/v1/admin/grants/:id",
    params: idParams,
    response: okSchema,
    summary: "Thu hồi vai trò",
  },

  calcPeriod: {
    method: "POST",
    path: "/api/v1/calc/period",
    body: z.unknown(),
    response: z.unknown(),
    summary: "Tính điểm một kỳ (tháng/quý) của công chức — Điều 14–17",
  },
  calcYear: {
    method: "POST",
    path: "/api/v1/calc/year",
    body: z.unknown(),
    response: z.unknown(),
    summary: "Tính điểm và mức xếp loại cả năm — Điều 11, 19, 20",
  },
  calcQuota: {
    method: "POST",
    path: "/api/v1/calc/quota",
    body: z.unknown(),
    response: z.unknown(),
    summary: "Áp tỷ lệ hoàn thành xuất sắc — Điều 20.5",
  },
  calcAgency: {
    method: "POST",
    path: "/api/v1/calc/agency",
    body: z.unknown(),
    response: z.unknown(),
    summary: "Chấm điểm và xếp loại cơ quan — Điều 5–8",
  },

  uploadFile: {
    method: "POST",
    path: "/api/v1/files",
    query: z.object({ unitId: idSchema }),
    response: storedFileSchema,
    raw: "upload",
    summary: "Tải lên tệp minh chứng (PDF, DOCX, XLSX, ảnh)",
  },
  downloadFile: {
    method: "GET",
    path: "/api/v1/files/:id",
    params: idParams,
    response: z.unknown(),
    raw: "download",
    summary: "Tải xuống tệp",
  },

  listAudit: {
    method: "GET",
    path: "/api/v1/audit",
    query: auditQuery,
    response: page(auditEntrySchema),
    summary: "Nhật ký thay đổi",
  },
});

/**
 * The HTTP API as data: one entry per route, shared by the server (which
 * registers each with its schemas) and the web client (which calls them by
 * name). Each area defines its group beside its schemas; this is the union.
 */
export const endpoints = {
  ...foundationEndpoints,
  ...reportEndpoints,
  ...workEndpoints,
  ...catalogEndpoints,
  ...agencyEndpoints,
  ...yearEndpoints,
};

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
