import { z } from "zod";
import { idSchema, page } from "../common.ts";
import { limits } from "../limits.ts";

/* ───────────── Notifications ───────────── */

export const notificationKinds = [
  "assigned",
  "delivery_waiting_review",
  "reviewed",
  "self_evaluation_submitted",
  "confirmed",
  "head_confirmed",
  "reopened",
  "locked",
  "reminder",
  "classification_published",
  "petition_filed",
  "petition_answered",
] as const;

export const notificationSchema = z.object({
  id: idSchema,
  kind: z.enum(notificationKinds),
  title: z.string(),
  body: z.string().nullable(),
  /** A web path, e.g. "/thang-nay?periodId=…". */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationsQuery = z.object({
  unreadOnly: z.union([z.boolean(), z.stringbool()]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(20),
});

export const notificationsPage = page(notificationSchema).extend({ unread: z.number().int() });

/** Titles of in-app notices; `{name}` as above. */
export const notificationTexts = {
  assigned: "Bạn được giao {count} nhiệm vụ mới trong {period}.",
  delivery_waiting_review: "{person} vừa ghi nhận sản phẩm «{item}» chờ đánh giá.",
  deliveries_waiting_review: "{person} đã ghi nhận {count} sản phẩm chờ đánh giá, mới nhất là «{item}».",
  reviewed_pass: "Sản phẩm «{item}» đã được đánh giá đạt.",
  reviewed_fail: "Sản phẩm «{item}» chưa đạt: {note}",
  self_evaluation_submitted: "{person} đã nộp phiếu tự đánh giá {period}.",
  confirmed: "Phiếu đánh giá {period} của bạn đã được nhận xét, xác nhận.",
  head_confirmed: "Người đứng đầu đã xác nhận kết quả {period} của bạn.",
  reopened: "{period} đã được mở lại: {reason}",
  locked: "{period} đã khóa.",
  reminder_self_evaluation: "Ngày mai ({due}) là hạn nộp phiếu tự đánh giá {period}.",
  reminder_review: "Ngày mai ({due}) là hạn đánh giá, xác nhận {period}: còn {count} việc chờ xử lý.",
  reminder_lock: "Ngày mai ({due}) là hạn khóa {period}.",
  reminder_assignment: "Ngày mai ({due}) là hạn hoàn thành «{item}».",
  classification_published: "Kết quả xếp loại chất lượng năm {year} của bạn: {level} (Quyết định số {decision}).",
  petition_filed: "{person} gửi kiến nghị về kết quả xếp loại năm {year}; hạn trả lời {due}.",
  petition_answered: "Kiến nghị của bạn về kết quả xếp loại năm {year} đã được trả lời.",
} as const;
export type NotificationTextKey = keyof typeof notificationTexts;

export function notificationText(key: NotificationTextKey, params: Record<string, string | number> = {}): string {
  return notificationTexts[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? "—"));
}

/** Web paths the server puts in notices, so both sides agree on them. */
export const workLinks = {
  myMonth: "/thang-nay",
  board: "/bang-theo-doi",
  periods: "/ky-danh-gia",
} as const;
