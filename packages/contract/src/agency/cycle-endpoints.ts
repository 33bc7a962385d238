import { z } from "zod";
import { page } from "../common.ts";
import { define, idParams } from "../endpoint.ts";
import { appraisalProgressSchema, appraisalQuery, appraisalRowSchema } from "./appraisal.ts";
import { councilBoardSchema } from "./council.ts";
import {
  advanceCycleBody,
  councilCandidateSchema,
  createCycleBody,
  cycleSchema,
  cycleSummarySchema,
  cyclesQuery,
  cycleTieBreakBody,
  decisionBody,
  setCouncilBody,
  updateCycleBody,
} from "./cycles.ts";
import { cycleResultsSchema } from "./results.ts";

/* ───────────── Endpoints: cycles, council, appraisal ───────────── */

export const cycleParams = idParams;

export const cycleEndpoints = define({
  listCycles: {
    method: "GET",
    path: "/api/v1/agency/cycles",
    query: cyclesQuery,
    response: page(cycleSummarySchema),
    summary: "Các đợt đánh giá, xếp loại cơ quan",
  },
  getCycle: {
    method: "GET",
    path: "/api/v1/agency/cycles/:id",
    params: cycleParams,
    response: cycleSchema,
    summary: "Một đợt đánh giá cơ quan",
  },
  createCycle: {
    method: "POST",
    path: "/api/v1/agency/cycles",
    body: createCycleBody,
    response: cycleSchema,
    summary: "Mở đợt đánh giá (khóa bộ tiêu chí)",
  },
  updateCycle: {
    method: "PATCH",
    path: "/api/v1/agency/cycles/:id",
    params: cycleParams,
    body: updateCycleBody,
    response: cycleSchema,
    summary: "Sửa tên, thời hạn, số thành viên tối thiểu",
  },
  advanceCycle: {
    method: "POST",
    path: "/api/v1/agency/cycles/:id/advance",
    params: cycleParams,
    body: advanceCycleBody,
    response: cycleSchema,
    summary: "Kết thúc bước hiện tại và chuyển bước tiếp theo",
  },
  councilCandidates: {
    method: "GET",
    path: "/api/v1/agency/cycles/:id/council/candidates",
    params: cycleParams,
    response: z.array(councilCandidateSchema),
    summary: "Người có vai trò Hội đồng thẩm định",
  },
  setCouncil: {
    method: "PUT",
    path: "/api/v1/agency/cycles/:id/council",
    params: cycleParams,
    body: setCouncilBody,
    response: cycleSchema,
    summary: "Thành viên Hội đồng và điểm danh",
  },
  councilBoard: {
    method: "GET",
    path: "/api/v1/agency/cycles/:id/council",
    params: cycleParams,
    response: councilBoardSchema,
    summary: "Bảng xem xét, biểu quyết của Hội đồng",
  },
  setTieBreak: {
    method: "PUT",
    path: "/api/v1/agency/cycles/:id/tie-break",
    params: cycleParams,
    body: cycleTieBreakBody,
    response: cycleSchema,
    summary: "Thứ tự quyết định khi bằng điểm tại ngưỡng tỷ lệ",
  },
  recordDecision: {
    method: "PUT",
    path: "/api/v1/agency/cycles/:id/decision",
    params: cycleParams,
    body: decisionBody,
    response: cycleSchema,
    summary: "Quyết định công nhận kết quả của UBND tỉnh",
  },
  cycleResults: {
    method: "GET",
    path: "/api/v1/agency/cycles/:id/results",
    params: cycleParams,
    response: cycleResultsSchema,
    summary: "Kết quả xếp loại của đợt",
  },
  appraisalRows: {
    method: "GET",
    path: "/api/v1/agency/cycles/:id/appraisal",
    params: cycleParams,
    query: appraisalQuery,
    response: page(appraisalRowSchema),
    summary: "Tiêu chí cần thẩm định (chỉ tiêu chí được giao cho cơ quan mình)",
  },
  appraisalProgress: {
    method: "GET",
    path: "/api/v1/agency/cycles/:id/appraisal/progress",
    params: cycleParams,
    response: z.array(appraisalProgressSchema),
    summary: "Tiến độ thẩm định theo cơ quan thẩm định",
  },
});
