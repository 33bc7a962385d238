import { z } from "zod";
import { okSchema, page } from "../common.ts";
import { define, idParams } from "../endpoint.ts";
import { createCriterionBody, moveCriterionBody, replaceCriteriaBody, updateCriterionBody } from "./criteria.ts";
import {
  createFrameworkBody,
  frameworkSchema,
  frameworkSummarySchema,
  frameworksQuery,
  setFrameworkAgenciesBody,
  updateFrameworkBody,
} from "./frameworks.ts";

/* ───────────── Endpoints: frameworks and criteria ───────────── */

export const frameworkEndpoints = define({
  listFrameworks: {
    method: "GET",
    path: "/api/v1/agency/frameworks",
    query: frameworksQuery,
    response: page(frameworkSummarySchema),
    summary: "Bộ tiêu chí đánh giá cơ quan",
  },
  getFramework: {
    method: "GET",
    path: "/api/v1/agency/frameworks/:id",
    params: idParams,
    response: frameworkSchema,
    summary: "Một bộ tiêu chí (cây tiêu chí, quy tắc xếp loại)",
  },
  createFramework: {
    method: "POST",
    path: "/api/v1/agency/frameworks",
    body: createFrameworkBody,
    response: frameworkSchema,
    summary: "Tạo bộ tiêu chí (có thể sao chép từ mẫu)",
  },
  updateFramework: {
    method: "PATCH",
    path: "/api/v1/agency/frameworks/:id",
    params: idParams,
    body: updateFrameworkBody,
    response: frameworkSchema,
    summary: "Sửa thông tin, quy tắc xếp loại, tỷ lệ của bộ tiêu chí",
  },
  deleteFramework: {
    method: "DELETE",
    path: "/api/v1/agency/frameworks/:id",
    params: idParams,
    response: okSchema,
    summary: "Xóa bộ tiêu chí chưa sử dụng",
  },
  newFrameworkVersion: {
    method: "POST",
    path: "/api/v1/agency/frameworks/:id/versions",
    params: idParams,
    response: frameworkSchema,
    summary: "Tạo phiên bản mới của bộ tiêu chí đang sử dụng",
  },
  setFrameworkAgencies: {
    method: "PUT",
    path: "/api/v1/agency/frameworks/:id/agencies",
    params: idParams,
    body: setFrameworkAgenciesBody,
    response: frameworkSchema,
    summary: "Các cơ quan được đánh giá theo bộ tiêu chí",
  },
  replaceCriteria: {
    method: "PUT",
    path: "/api/v1/agency/frameworks/:id/criteria",
    params: idParams,
    body: replaceCriteriaBody,
    response: frameworkSchema,
    summary: "Lưu toàn bộ cây tiêu chí",
  },
  createCriterion: {
    method: "POST",
    path: "/api/v1/agency/frameworks/:id/criteria",
    params: idParams,
    body: createCriterionBody,
    response: frameworkSchema,
    summary: "Thêm tiêu chí",
  },
  updateCriterion: {
    method: "PATCH",
    path: "/api/v1/agency/criteria/:id",
    params: idParams,
    body: updateCriterionBody,
    response: frameworkSchema,
    summary: "Sửa tiêu chí",
  },
  deleteCriterion: {
    method: "DELETE",
    path: "/api/v1/agency/criteria/:id",
    params: idParams,
    response: frameworkSchema,
    summary: "Xóa tiêu chí (cùng các tiêu chí con)",
  },
  moveCriterion: {
    method: "POST",
    path: "/api/v1/agency/criteria/:id/move",
    params: idParams,
    body: moveCriterionBody,
    response: frameworkSchema,
    summary: "Chuyển tiêu chí sang vị trí hoặc tiêu chí cha khác",
  },
  exportFramework: {
    method: "GET",
    path: "/api/v1/agency/frameworks/:id/export",
    params: idParams,
    response: z.unknown(),
    raw: "download",
    summary: "Xuất cây tiêu chí (XLSX)",
  },
  importFramework: {
    method: "POST",
    path: "/api/v1/agency/frameworks/:id/import",
    params: idParams,
    response: frameworkSchema,
    raw: "upload",
    summary: "Nhập cây tiêu chí từ tệp XLSX (thay toàn bộ)",
  },
});
