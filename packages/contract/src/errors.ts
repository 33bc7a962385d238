/**
 * The one error model of the API. Every failure leaves the server as
 * `{ code, message, details }`: `code` is stable and machine-readable,
 * `message` is Vietnamese for a person, `details` carries data (field issues,
 * bad import rows, conflicting version) and never prose.
 */
export const errorCodes = [
  "VALIDATION_FAILED",
  "MALFORMED_JSON",
  "UNSUPPORTED_MEDIA_TYPE",
  "PAYLOAD_TOO_LARGE",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "CSRF_INVALID",
  "NOT_FOUND",
  "CONFLICT",
  "DUPLICATE",
  "IN_USE",
  "LOGIN_FAILED",
  "ACCOUNT_LOCKED",
  "RATE_LIMITED",
  "WRONG_PASSWORD",
  "IMPORT_INVALID",
  "FILE_INVALID",
  "CALC_INVALID",
  "PERIOD_LOCKED",
  "STEP_LOCKED",
  "FRAMEWORK_INVALID",
  "DOSSIER_INCOMPLETE",
  "COUNCIL_UNDECIDED",
  "FRAMEWORK_LOCKED",
  "CLASSIFICATION_STEP",
  "TIES_PENDING",
  "CLASSIFICATION_INCOMPLETE",
  "REASON_REQUIRED",
  "RATE_GRANT_REQUIRED",
  "PETITION_CLOSED",
  "INTERNAL",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const errorStatus: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  IN_USE: 409,
  LOGIN_FAILED: 401,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  WRONG_PASSWORD: 400,
  IMPORT_INVALID: 422,
  FILE_INVALID: 422,
  CALC_INVALID: 400,
  PERIOD_LOCKED: 423,
  STEP_LOCKED: 409,
  FRAMEWORK_INVALID: 422,
  DOSSIER_INCOMPLETE: 422,
  COUNCIL_UNDECIDED: 409,
  FRAMEWORK_LOCKED: 409,
  CLASSIFICATION_STEP: 409,
  TIES_PENDING: 409,
  CLASSIFICATION_INCOMPLETE: 422,
  REASON_REQUIRED: 400,
  RATE_GRANT_REQUIRED: 400,
  PETITION_CLOSED: 409,
  INTERNAL: 500,
};

export const errorMessages: Record<ErrorCode, string> = {
  VALIDATION_FAILED: "Dữ liệu gửi lên chưa hợp lệ. Vui lòng kiểm tra lại các trường được đánh dấu.",
  MALFORMED_JSON: "Nội dung gửi lên không đúng định dạng JSON.",
  UNSUPPORTED_MEDIA_TYPE: "Kiểu nội dung gửi lên không được hỗ trợ.",
  PAYLOAD_TOO_LARGE: "Dữ liệu hoặc tệp gửi lên vượt quá dung lượng cho phép.",
  UNAUTHENTICATED: "Phiên làm việc đã hết hạn hoặc chưa đăng nhập. Vui lòng đăng nhập lại.",
  FORBIDDEN: "Bạn không có quyền thực hiện thao tác này.",
  CSRF_INVALID: "Yêu cầu không hợp lệ (mã chống giả mạo không khớp). Vui lòng tải lại trang.",
  NOT_FOUND: "Không tìm thấy dữ liệu yêu cầu.",
  CONFLICT: "Dữ liệu đã được người khác thay đổi. Vui lòng tải lại và thử lại.",
  DUPLICATE: "Dữ liệu đã tồn tại (trùng mã hoặc tên).",
  IN_USE: "Không thể xóa vì dữ liệu đang được sử dụng.",
  LOGIN_FAILED: "Tên đăng nhập hoặc mật khẩu không đúng.",
  ACCOUNT_LOCKED: "Tài khoản tạm bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau.",
  RATE_LIMITED: "Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.",
  WRONG_PASSWORD: "Mật khẩu hiện tại không đúng.",
  IMPORT_INVALID: "Tệp nhập có dòng không hợp lệ; chưa có dữ liệu nào được ghi.",
  FILE_INVALID: "Tệp không đúng định dạng hoặc không đọc được.",
  CALC_INVALID: "Dữ liệu tính điểm không hợp lệ.",
  PERIOD_LOCKED: "Kỳ đánh giá đã khóa; cần mở lại kỳ (có lý do) trước khi sửa.",
  STEP_LOCKED: "Bước này đã khóa; không thể thay đổi.",
  FRAMEWORK_INVALID:
    "Bộ tiêu chí chưa hợp lệ (tổng điểm tiêu chí con phải bằng điểm tiêu chí cha, tổng điểm chuẩn bằng 100).",
  FRAMEWORK_LOCKED: "Bộ tiêu chí đang được sử dụng trong một đợt đánh giá; hãy tạo phiên bản mới để thay đổi.",
  DOSSIER_INCOMPLETE: "Hồ sơ tự đánh giá chưa đủ thành phần; vui lòng bổ sung trước khi gửi.",
  COUNCIL_UNDECIDED:
    "Hội đồng chưa đủ số thành viên có mặt hoặc còn cơ quan chưa có mức xếp loại được quá nửa thành viên có mặt biểu quyết.",
  CLASSIFICATION_STEP:
    "Đợt xếp loại chưa ở bước cho phép thao tác này (cần theo thứ tự: đề xuất, quyết định, công khai).",
  TIES_PENDING: "Còn người bằng điểm tại ngưỡng tỷ lệ hoàn thành xuất sắc chờ người đứng đầu quyết định thứ tự.",
  CLASSIFICATION_INCOMPLETE:
    "Hồ sơ xếp loại chưa đủ (biên bản họp, ý kiến cấp ủy hoặc đề xuất của cơ quan tham mưu); vui lòng bổ sung.",
  REASON_REQUIRED: "Thao tác này cần ghi rõ lý do.",
  RATE_GRANT_REQUIRED: "Tỷ lệ trên 20% cần ghi nhận cấp có thẩm quyền cho phép và văn bản cho phép (Điều 20.5).",
  PETITION_CLOSED: "Kiến nghị đã được trả lời; không thể thay đổi.",
  INTERNAL: "Hệ thống gặp lỗi ngoài dự kiến. Dữ liệu đã lưu không bị ảnh hưởng; vui lòng thử lại.",
};

/** One problem with one field or one row; `path` follows the JSON path or the spreadsheet row. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}
