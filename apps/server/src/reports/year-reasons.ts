import { type LevelReasonJson, levelNames } from "@thuocdo/contract";
import type { DisciplineForm, Level } from "@thuocdo/core";
import { formatPoints } from "./format.ts";

/**
 * The reasons of a level (the core's LevelReason, as stored JSON) in the words an official
 * output prints, each with its article of Decree 335.
 */

export const disciplineFormNames: Record<DisciplineForm, string> = {
  khien_trach: "khiển trách",
  canh_cao: "cảnh cáo",
  giang_chuc: "giáng chức",
  cach_chuc: "cách chức",
  buoc_thoi_viec: "buộc thôi việc",
};

const leaveNames: Record<string, string> = { sick: "nghỉ ốm", maternity: "nghỉ thai sản", unpaid: "nghỉ không lương" };

export function reasonText(reason: LevelReasonJson): string {
  const r = reason as LevelReasonJson & Record<string, unknown>;
  switch (reason.rule) {
    case "threshold":
      return `Điểm trung bình ${formatPoints(r.score as number)} thuộc mức ${levelNames[r.level as Level].toLowerCase()} (Điều 20).`;
    case "unclassified":
      return r.cause === "no_months_counted"
        ? "Chưa có tháng nào có kết quả đánh giá được xác nhận (Điều 11.1)."
        : `Thời gian công tác ${r.monthsWorked} tháng, dưới ${r.min} tháng${r.leave !== "none" ? ` (${leaveNames[r.leave as string] ?? r.leave})` : ""}: không xếp loại (Điều 11.1).`;
    case "discipline":
      return `Bị kỷ luật ${disciplineFormNames[r.form as DisciplineForm]} do vi phạm liên quan đến thi hành công vụ trong năm: không hoàn thành nhiệm vụ (Điều 11.3, 20.4.c).`;
    case "degradation":
      return "Có kết luận của cấp có thẩm quyền về suy thoái tư tưởng chính trị, đạo đức, lối sống: không hoàn thành nhiệm vụ (Điều 20.4.b).";
    case "corruption_in_unit":
      return "Đơn vị thuộc phạm vi phụ trách trực tiếp xảy ra tham nhũng, lãng phí và bị xử lý: không hoàn thành nhiệm vụ (Điều 20.4.d).";
    case "head_cap":
      return `Người đứng đầu không được xếp cao hơn mức của cơ quan (${levelNames[r.agencyLevel as Level].toLowerCase()}) (Điều 20.6).`;
    case "quota_cut":
      return `Vượt tỷ lệ hoàn thành xuất sắc nhiệm vụ (xếp thứ ${r.rank}, được ${r.allowed} người): xếp hoàn thành tốt nhiệm vụ (Điều 20.5).`;
    case "tie_pending":
      return "Bằng điểm tại ngưỡng tỷ lệ: chờ người đứng đầu quyết định (Điều 20.5).";
    default:
      return reason.article;
  }
}

/** The decisive reasons: the last rule that acted, plus any forcing record (for one-line cells). */
export const reasonsLine = (reasons: LevelReasonJson[]): string => reasons.map(reasonText).join(" ");
