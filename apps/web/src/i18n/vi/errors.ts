import type { ErrorCode } from "@thuocdo/contract";

/** Vietnamese message per API error code; the web translates at the edge (STYLE.md §10). */
export const errors = {
  VALIDATION_FAILED: "Dữ liệu chưa hợp lệ. Vui lòng kiểm tra lại các trường được đánh dấu.",
  MALFORMED_JSON: "Nội dung gửi lên không đúng định dạng.",
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
  STEP_LOCKED: "Bước này của đợt đánh giá đã khóa; không thể thay đổi.",
  FRAMEWORK_INVALID:
    "Bộ tiêu chí chưa hợp lệ: tổng điểm các tiêu chí con phải bằng điểm tiêu chí cha và tổng điểm chuẩn phải bằng 100.",
  DOSSIER_INCOMPLETE: "Hồ sơ tự đánh giá chưa đủ thành phần; vui lòng bổ sung trước khi gửi.",
  FRAMEWORK_LOCKED: "Bộ tiêu chí đang được sử dụng trong một đợt đánh giá; hãy tạo phiên bản mới để thay đổi.",
  COUNCIL_UNDECIDED:
    "Hội đồng chưa đủ số thành viên có mặt, hoặc còn cơ quan chưa có mức xếp loại được quá nửa thành viên có mặt biểu quyết.",
  CLASSIFICATION_STEP: "Đợt xếp loại chưa ở bước cho phép thao tác này (theo thứ tự: đề xuất, quyết định, công khai).",
  TIES_PENDING: "Còn người bằng điểm tại ngưỡng tỷ lệ hoàn thành xuất sắc chờ người đứng đầu quyết định thứ tự.",
  CLASSIFICATION_INCOMPLETE:
    "Hồ sơ xếp loại chưa đủ (biên bản họp, ý kiến cấp ủy hoặc đề xuất của cơ quan tham mưu); vui lòng bổ sung.",
  REASON_REQUIRED: "Thao tác này cần ghi rõ lý do.",
  RATE_GRANT_REQUIRED: "Tỷ lệ trên 20% cần ghi nhận cấp có thẩm quyền cho phép và văn bản cho phép (Điều 20.5).",
  PETITION_CLOSED: "Kiến nghị đã được trả lời; không thể thay đổi.",
  INTERNAL: "Hệ thống gặp lỗi ngoài dự kiến. Dữ liệu đã lưu không bị ảnh hưởng; vui lòng thử lại.",
  NETWORK: "Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.",
  UNKNOWN: "Đã có lỗi xảy ra (mã {status}). Vui lòng thử lại.",
} as const satisfies Record<ErrorCode | "NETWORK" | "UNKNOWN", string>;

/** Messages of form rules, built from the shared `limits` (STYLE.md §9). */
export const validation = {
  required: "Vui lòng nhập {field}.",
  requiredSelect: "Vui lòng chọn {field}.",
  tooLong: "{field} tối đa {max} ký tự.",
  tooShort: "{field} tối thiểu {min} ký tự.",
  passwordWeak: "Mật khẩu phải có cả chữ cái và chữ số.",
  notBlank: "{field} không được chỉ gồm dấu cách.",
} as const;
