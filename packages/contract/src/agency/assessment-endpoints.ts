import { z } from "zod";
import { page } from "../common.ts";
import { define, idParams } from "../endpoint.ts";
import {
  assessmentCriterionParams,
  assessmentFileParams,
  assessmentSchema,
  assessmentSummarySchema,
  assessmentsQuery,
  updateAssessmentBody,
} from "./assessments.ts";
import { councilRowSchema, councilVoteBody } from "./council.ts";
import { addDossierFileBody } from "./dossier.ts";
import { agencyDraftSchema, agencyExplanationBody } from "./draft.ts";
import { saveAppraisalBody, saveFinalScoresBody, saveSelfScoresBody } from "./scores.ts";

/* ───────────── Endpoints: assessments ───────────── */

export const assessmentEndpoints = define({
  listAssessments: {
    method: "GET",
    path: "/api/v1/agency/assessments",
    query: assessmentsQuery,
    response: page(assessmentSummarySchema),
    summary: "Hồ sơ tự đánh giá của các cơ quan",
  },
  getAssessment: {
    method: "GET",
    path: "/api/v1/agency/assessments/:id",
    params: idParams,
    response: assessmentSchema,
    summary: "Hồ sơ tự đánh giá, chấm điểm của một cơ quan",
  },
  updateAssessment: {
    method: "PATCH",
    path: "/api/v1/agency/assessments/:id",
    params: idParams,
    body: updateAssessmentBody,
    response: assessmentSchema,
    summary: "Điều kiện xếp loại và mức tự đề xuất",
  },
  saveSelfScores: {
    method: "PUT",
    path: "/api/v1/agency/assessments/:id/self",
    params: idParams,
    body: saveSelfScoresBody,
    response: assessmentSchema,
    summary: "Tự chấm điểm tiêu chí (kèm minh chứng, giải trình không áp dụng)",
  },
  addDossierFile: {
    method: "POST",
    path: "/api/v1/agency/assessments/:id/dossier",
    params: idParams,
    body: addDossierFileBody,
    response: assessmentSchema,
    summary: "Thêm tệp vào hồ sơ",
  },
  removeDossierFile: {
    method: "DELETE",
    path: "/api/v1/agency/assessments/:id/dossier/:fileId",
    params: assessmentFileParams,
    response: assessmentSchema,
    summary: "Bỏ tệp khỏi hồ sơ",
  },
  submitAssessment: {
    method: "POST",
    path: "/api/v1/agency/assessments/:id/submit",
    params: idParams,
    response: assessmentSchema,
    summary: "Gửi hồ sơ tự đánh giá (kiểm tra đủ thành phần)",
  },
  saveAppraisal: {
    method: "PUT",
    path: "/api/v1/agency/assessments/:id/appraisal",
    params: idParams,
    body: saveAppraisalBody,
    response: assessmentSchema,
    summary: "Thẩm định điểm tiêu chí được giao",
  },
  getDraft: {
    method: "GET",
    path: "/api/v1/agency/assessments/:id/draft",
    params: idParams,
    response: agencyDraftSchema,
    summary: "Dự thảo kết quả chấm điểm gửi cơ quan",
  },
  saveExplanation: {
    method: "PUT",
    path: "/api/v1/agency/assessments/:id/explanations/:criterionId",
    params: assessmentCriterionParams,
    body: agencyExplanationBody,
    response: assessmentSchema,
    summary: "Giải trình, bổ sung theo tiêu chí",
  },
  saveFinalScores: {
    method: "PUT",
    path: "/api/v1/agency/assessments/:id/final",
    params: idParams,
    body: saveFinalScoresBody,
    response: assessmentSchema,
    summary: "Tổ giúp việc đề xuất điểm cuối cùng",
  },
  castVote: {
    method: "PUT",
    path: "/api/v1/agency/assessments/:id/vote",
    params: idParams,
    body: councilVoteBody,
    response: councilRowSchema,
    summary: "Biểu quyết mức xếp loại của cơ quan",
  },

  downloadAssessmentFile: {
    method: "GET",
    path: "/api/v1/agency/assessments/:id/files/:fileId",
    params: assessmentFileParams,
    response: z.unknown(),
    raw: "download",
    summary: "Tải tệp của hồ sơ (minh chứng, giải trình) cho người được xem",
  },
});
