/* ───────────── Messages ───────────── */

/**
 * Vietnamese sentences for the cycle's rule violations. The server sends them as
 * `details.issues[].message` of a VALIDATION_FAILED (or IN_USE, DUPLICATE) error; `{name}` takes
 * the value of the same name.
 */
export const workMessages = {
  evidenceRequired: "Cần ít nhất một tệp minh chứng, hoặc số văn bản, hoặc đường dẫn tới sản phẩm.",
  quantityExceedsRemaining: "Số lượng vượt phần còn phải hoàn thành của nhiệm vụ ({remaining}).",
  deliveredInFuture: "Ngày hoàn thành không được sau ngày hôm nay.",
  deliveredBeforePeriod: "Ngày hoàn thành không được trước ngày bắt đầu kỳ ({startsOn}).",
  sharesMismatch: "Tổng quy đổi các phần ({shares}) phải bằng quy đổi của sản phẩm ({product}).",
  duplicateShare: "Mỗi người chỉ nhận một phần của sản phẩm tập thể.",
  catalogItemNotInForce: "Sản phẩm không thuộc danh mục đang áp dụng cho kỳ này.",
  noCatalog: "Cơ quan chưa có danh mục sản phẩm được phê duyệt áp dụng cho kỳ này.",
  personNotInAgency: "Công chức không thuộc cơ quan của kỳ đánh giá hoặc đã ngừng theo dõi.",
  noTargets: "Không có công chức nào thuộc đối tượng đã chọn trong phạm vi bạn quản lý.",
  selfAssign: "Không tự giao nhiệm vụ cho chính mình; cấp trên trực tiếp giao.",
  handBackExceeds: "Số lượng trả lại vượt phần chưa hoàn thành ({remaining}).",
  quantityBelowDone: "Số lượng giao không được nhỏ hơn phần đã hoàn thành và đã trả lại ({min}).",
  rescheduleAfterDeadline: "Thời hạn đã qua; hãy dùng chức năng gia hạn để ghi nhận thời hạn mới.",
  noDeadline: "Nhiệm vụ chưa có thời hạn nên không cần gia hạn.",
  extensionNotLater: "Thời hạn gia hạn phải sau thời hạn đang áp dụng ({deadline}).",
  alreadyPassed: "Sản phẩm đã được đánh giá đạt.",
  nothingToExcuse: "Không còn lần chưa đạt hoặc chậm tiến độ nào chưa được miễn trừ.",
  deliveryReviewed: "Sản phẩm đã được đánh giá nên không xóa được.",
  assignmentHasDeliveries: "Nhiệm vụ đã có sản phẩm hoàn thành nên không xóa được; có thể trả lại phần chưa làm.",
  periodExists: "Kỳ này đã được mở.",
  periodNumberRange: "Cơ quan đánh giá theo quý: số kỳ chỉ từ 1 đến 4.",
  periodNotLocked: "Kỳ chưa khóa nên không cần mở lại.",
  unconfirmedRemain:
    "Còn {count} phiếu đánh giá chưa được xác nhận. Để khóa kỳ, chọn «Khóa dù chưa xác nhận đủ» và ghi lý do.",
  forceReasonRequired: "Khóa kỳ khi còn phiếu chưa xác nhận cần ghi lý do.",
  notSubmitted: "Công chức chưa nộp phiếu tự đánh giá.",
  notConfirmed: "Phiếu chưa được cấp có thẩm quyền nhận xét, xác nhận.",
  headConfirmNotRequired: "Cơ quan không yêu cầu bước xác nhận của người đứng đầu.",
  leaderOnly: "Chỉ công chức lãnh đạo (cấp trưởng, cấp phó) có tiêu chí đ và e.",
  leaderCriteriaRequired: "Cần đánh giá tiêu chí đ (tổ chức thực hiện) và e (đoàn kết) của công chức lãnh đạo.",
  halfNeedsReason: "Mức 50% cần ghi rõ lý do.",
  scoreAboveMax: "Điểm tiêu chí {code} không được vượt quá {max}.",
  scoreMissing: "Chưa chấm điểm tiêu chí {code}.",
  noPerson: "Tài khoản chưa gắn với hồ sơ công chức.",
  alreadyConfirmed: "Phiếu đã được nhận xét, xác nhận nên không sửa tự đánh giá được nữa.",
} as const;
export type WorkMessageKey = keyof typeof workMessages;

/** Fills `{name}` placeholders of a work message. */
export function workMessage(key: WorkMessageKey, params: Record<string, string | number> = {}): string {
  return workMessages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? "—"));
}
