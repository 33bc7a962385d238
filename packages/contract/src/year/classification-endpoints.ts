import { z } from "zod";
import { page } from "../common.ts";
import { define, idParams } from "../endpoint.ts";
import {
  classificationListItemSchema,
  classificationSchema,
  classificationsQuery,
  openClassificationBody,
  updateClassificationBody,
} from "./classification.ts";
import { classificationPeopleQuery, classificationRowSchema } from "./classification-rows.ts";
import { myYearQuery, personYearSchema } from "./person-year.ts";
import { answerPetitionBody, filePetitionBody, petitionSchema, petitionsQuery } from "./petitions.ts";
import {
  publicClassificationListItemSchema,
  publicClassificationParams,
  publicClassificationSchema,
  publicClassificationsQuery,
} from "./publication.ts";
import { classificationTieBreakBody, quotaViewSchema } from "./quota.ts";
import {
  addMinutesBody,
  decideBody,
  partyOpinionBody,
  personYearParams,
  proposalBody,
  publishBody,
  selfProposalBody,
} from "./workflow.ts";

/* ───────────── Endpoints: classification, publication, petitions ───────────── */

export const yearClassificationEndpoints = define({
  listClassifications: {
    method: "GET",
    path: "/api/v1/year/classifications",
    query: classificationsQuery,
    response: page(classificationListItemSchema),
    summary: "Các đợt xếp loại chất lượng công chức hằng năm",
  },
  openClassification: {
    method: "POST",
    path: "/api/v1/year/classifications",
    body: openClassificationBody,
    response: classificationSchema,
    summary: "Mở đợt xếp loại năm của cơ quan",
  },
  getClassification: {
    method: "GET",
    path: "/api/v1/year/classifications/:id",
    params: idParams,
    response: classificationSchema,
    summary: "Đợt xếp loại: trạng thái, quy trình, quyết định",
  },
  updateClassification: {
    method: "PATCH",
    path: "/api/v1/year/classifications/:id",
    params: idParams,
    body: updateClassificationBody,
    response: classificationSchema,
    summary: "Tỷ lệ (20%/25%), mức xếp loại của cơ quan",
  },
  classificationPeople: {
    method: "GET",
    path: "/api/v1/year/classifications/:id/people",
    params: idParams,
    query: classificationPeopleQuery,
    response: page(classificationRowSchema),
    summary: "Danh sách xếp loại (tính trực tiếp từ các kỳ đã xác nhận)",
  },
  classificationQuota: {
    method: "GET",
    path: "/api/v1/year/classifications/:id/quota",
    params: idParams,
    response: quotaViewSchema,
    summary: "Áp tỷ lệ hoàn thành xuất sắc theo nhóm và toàn cơ quan",
  },
  recordTieBreak: {
    method: "PUT",
    path: "/api/v1/year/classifications/:id/tie-breaks",
    params: idParams,
    body: classificationTieBreakBody,
    response: quotaViewSchema,
    summary: "Người đứng đầu quyết định thứ tự những người bằng điểm tại ngưỡng tỷ lệ",
  },
  getPersonYear: {
    method: "GET",
    path: "/api/v1/year/classifications/:id/people/:personId",
    params: personYearParams,
    response: personYearSchema,
    summary: "Kết quả cả năm của một công chức (Mẫu 02)",
  },
  setSelfProposal: {
    method: "PUT",
    path: "/api/v1/year/classifications/:id/people/:personId/self-proposal",
    params: personYearParams,
    body: selfProposalBody,
    response: personYearSchema,
    summary: "Công chức tự nhận mức xếp loại (Mẫu 02)",
  },
  setPartyOpinion: {
    method: "PUT",
    path: "/api/v1/year/classifications/:id/people/:personId/party-opinion",
    params: personYearParams,
    body: partyOpinionBody,
    response: personYearSchema,
    summary: "Ý kiến của cấp ủy (người đứng đầu, cấp phó — Điều 21)",
  },
  addMinutes: {
    method: "POST",
    path: "/api/v1/year/classifications/:id/minutes",
    params: idParams,
    body: addMinutesBody,
    response: classificationSchema,
    summary: "Tải lên biên bản cuộc họp đánh giá, xếp loại",
  },
  propose: {
    method: "POST",
    path: "/api/v1/year/classifications/:id/proposal",
    params: idParams,
    body: proposalBody,
    response: classificationSchema,
    summary: "Cơ quan tham mưu công tác cán bộ đề xuất mức xếp loại",
  },
  decide: {
    method: "POST",
    path: "/api/v1/year/classifications/:id/decisions",
    params: idParams,
    body: decideBody,
    response: classificationSchema,
    summary: "Quyết định xếp loại (hoặc quyết định thay thế — Điều 21.3)",
  },
  publish: {
    method: "POST",
    path: "/api/v1/year/classifications/:id/publish",
    params: idParams,
    body: publishBody,
    response: classificationSchema,
    summary: "Công khai kết quả xếp loại và thông báo đến từng công chức",
  },
  myYear: {
    method: "GET",
    path: "/api/v1/me/year",
    query: myYearQuery,
    response: personYearSchema,
    summary: "Kết quả cả năm của tôi",
  },

  publicClassifications: {
    method: "GET",
    path: "/api/v1/public/classifications",
    query: publicClassificationsQuery,
    response: z.array(publicClassificationListItemSchema),
    summary: "Các cơ quan đã công khai kết quả xếp loại (không cần đăng nhập)",
  },
  publicClassification: {
    method: "GET",
    path: "/api/v1/public/classifications/:agencyId/:year",
    params: publicClassificationParams,
    response: publicClassificationSchema,
    summary: "Kết quả xếp loại đã công khai của một cơ quan (không cần đăng nhập)",
  },

  listPetitions: {
    method: "GET",
    path: "/api/v1/year/petitions",
    query: petitionsQuery,
    response: page(petitionSchema),
    summary: "Kiến nghị về kết quả xếp loại (Điều 22)",
  },
  getPetition: {
    method: "GET",
    path: "/api/v1/year/petitions/:id",
    params: idParams,
    response: petitionSchema,
    summary: "Một kiến nghị",
  },
  filePetition: {
    method: "POST",
    path: "/api/v1/year/petitions",
    body: filePetitionBody,
    response: petitionSchema,
    summary: "Gửi kiến nghị về kết quả xếp loại",
  },
  answerPetition: {
    method: "POST",
    path: "/api/v1/year/petitions/:id/answer",
    params: idParams,
    body: answerPetitionBody,
    response: petitionSchema,
    summary: "Trả lời kiến nghị",
  },
});
