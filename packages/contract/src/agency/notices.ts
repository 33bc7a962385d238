/* ───────────── Notices ───────────── */

/** Titles of the in-app notices the cycle sends (server side; the web shows them as they are). */
export const agencyNoticeTexts = {
  reminder_self_assessment: "Nhắc hạn: hồ sơ tự đánh giá {cycle} cần gửi trước ngày {due}.",
  reminder_appraisal: "Nhắc hạn: còn {count} tiêu chí cần thẩm định trong {cycle}, hạn ngày {due}.",
  reminder_explanation: "Nhắc hạn: giải trình, bổ sung dự thảo kết quả {cycle} trước ngày {due}.",
  reminder_council: "Nhắc hạn: Hội đồng thẩm định biểu quyết {cycle} trước ngày {due}.",
  draft_sent: "Đã có dự thảo kết quả chấm điểm {cycle} của {agency}; giải trình, bổ sung trước ngày {due}.",
  results_published: "Đã công bố kết quả xếp loại {cycle}: {agency} đạt mức {level}.",
  head_flagged: "{agency} xếp loại không hoàn thành nhiệm vụ: xem xét trách nhiệm người đứng đầu (Điều 9).",
} as const;
export type AgencyNoticeKey = keyof typeof agencyNoticeTexts;

export function agencyNoticeText(key: AgencyNoticeKey, params: Record<string, string | number> = {}): string {
  return agencyNoticeTexts[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ""));
}

/** Vietnamese names of the levels, for notices and official outputs. */
export const agencyLevelNames = {
  excellent: "Hoàn thành xuất sắc nhiệm vụ",
  good: "Hoàn thành tốt nhiệm vụ",
  completed: "Hoàn thành nhiệm vụ",
  not_completed: "Không hoàn thành nhiệm vụ",
} as const;
