import { z } from "zod";
import { idSchema, page } from "../common.ts";
import { define, idParams } from "../endpoint.ts";
import { leaveQuery, personLeaveSchema, setLeaveBody } from "./leave.ts";
import { createQuotaGroupBody, quotaGroupSchema, updateQuotaGroupBody } from "./quota.ts";
import { createRecordBody, deleteRecordBody, personRecordSchema, recordsQuery, updateRecordBody } from "./records.ts";
import { createTransferBody, transferSchema, transfersQuery } from "./transfers.ts";

/* ───────────── Endpoints: records, leave, transfers, quota groups ───────────── */

export const yearRecordEndpoints = define({
  listRecords: {
    method: "GET",
    path: "/api/v1/year/records",
    query: recordsQuery,
    response: page(personRecordSchema),
    summary: "Kỷ luật, kết luận suy thoái, vụ việc tham nhũng (Điều 11.3, 20.4)",
  },
  createRecord: {
    method: "POST",
    path: "/api/v1/year/records",
    body: createRecordBody,
    response: personRecordSchema,
    summary: "Ghi nhận quyết định kỷ luật / kết luận / vụ việc",
  },
  updateRecord: {
    method: "PATCH",
    path: "/api/v1/year/records/:id",
    params: idParams,
    body: updateRecordBody,
    response: personRecordSchema,
    summary: "Sửa bản ghi (có lý do)",
  },
  deleteRecord: {
    method: "DELETE",
    path: "/api/v1/year/records/:id",
    params: idParams,
    body: deleteRecordBody,
    response: z.object({ ok: z.literal(true) }),
    summary: "Xóa bản ghi (có lý do)",
  },

  listLeave: {
    method: "GET",
    path: "/api/v1/year/leave",
    query: leaveQuery,
    response: page(personLeaveSchema),
    summary: "Nghỉ ốm, thai sản, không lương theo tháng (Điều 11.2)",
  },
  setLeave: {
    method: "PUT",
    path: "/api/v1/year/leave",
    body: setLeaveBody,
    response: personLeaveSchema,
    summary: "Ghi nhận các tháng nghỉ của một công chức trong năm",
  },
  listTransfers: {
    method: "GET",
    path: "/api/v1/year/transfers",
    query: transfersQuery,
    response: page(transferSchema),
    summary: "Điều động, chuyển công tác (Điều 19.1)",
  },
  createTransfer: {
    method: "POST",
    path: "/api/v1/year/transfers",
    body: createTransferBody,
    response: transferSchema,
    summary: "Ghi nhận chuyển công tác sang cơ quan, đơn vị khác",
  },

  listQuotaGroups: {
    method: "GET",
    path: "/api/v1/year/quota-groups",
    query: z.object({ agencyId: idSchema }),
    response: z.array(quotaGroupSchema),
    summary: "Nhóm công chức có nhiệm vụ tương đồng (Điều 20.5)",
  },
  createQuotaGroup: {
    method: "POST",
    path: "/api/v1/year/quota-groups",
    body: createQuotaGroupBody,
    response: quotaGroupSchema,
    summary: "Thêm nhóm tính tỷ lệ",
  },
  updateQuotaGroup: {
    method: "PATCH",
    path: "/api/v1/year/quota-groups/:id",
    params: idParams,
    body: updateQuotaGroupBody,
    response: quotaGroupSchema,
    summary: "Sửa nhóm tính tỷ lệ",
  },
  deleteQuotaGroup: {
    method: "DELETE",
    path: "/api/v1/year/quota-groups/:id",
    params: idParams,
    response: z.object({ ok: z.literal(true) }),
    summary: "Xóa nhóm tính tỷ lệ",
  },
});
