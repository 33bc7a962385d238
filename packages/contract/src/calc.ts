import type { CalcIssueCode, Issue, IssueParam } from "@thuocdo/core";
import { errorMessages } from "./errors.ts";

/**
 * Vietnamese messages for the calculator's issue codes. `{name}` takes the issue's parameter of
 * that name; `{path}` the field's JSON path. Keyed by the closed code union, so a new core code
 * fails the type check here until it has a message.
 */
export const calcIssueMessages: Record<CalcIssueCode, string> = {
  ERR_MALFORMED_JSON: "Nội dung không đúng định dạng JSON.",
  ERR_UNKNOWN_KIND: "Loại tính toán (kind) không hợp lệ; chỉ nhận: {allowed}.",
  ERR_FIELD_REQUIRED: "Thiếu trường bắt buộc {path}.",
  ERR_FIELD_TYPE: "Trường {path} sai kiểu dữ liệu (cần {expected}).",
  ERR_FIELD_INTEGER: "Trường {path} phải là số nguyên.",
  ERR_FIELD_RANGE: "Giá trị của trường {path} {bound}.",
  ERR_FIELD_VALUE: "Giá trị của trường {path} không hợp lệ; chỉ nhận: {allowed}.",
  ERR_FIELD_INVALID: "Giá trị của trường {path} không hợp lệ.",
  ERR_UNKNOWN_RULE_SET: "Không có bộ quy tắc tính điểm «{id}»; các bộ hiện có: {known}.",
  ERR_NO_RULE_SET_FOR_PERIOD: "Chưa có bộ quy tắc tính điểm áp dụng cho tháng {month}/{year}.",
  ERR_NO_ASSIGNMENT:
    "Chưa được giao sản phẩm, công việc nào theo kế hoạch trong kỳ (tổng quy đổi được giao bằng 0), nên không tính được tỷ lệ a, b, c.",
  ERR_DUPLICATE_ID: "Mã «{id}» bị trùng tại {path}.",
  ERR_UNKNOWN_ASSIGNMENT:
    "Sản phẩm hoàn thành tại {path} tham chiếu nhiệm vụ «{id}» không có trong danh sách được giao.",
  ERR_EXCUSED_EXCEEDS_TOTAL:
    "Số lần được miễn trừ do nguyên nhân khách quan ({excused}) lớn hơn tổng số lần ({total}) tại {path}.",
  ERR_DELIVERED_EXCEEDS_ASSIGNED:
    "Số lượng hoàn thành của nhiệm vụ «{id}» ({delivered}) vượt số lượng được giao ({assigned}); phần vượt cần ghi là nhiệm vụ phát sinh.",
  ERR_LEADER_MISSING: "Công chức lãnh đạo (vai trò {role}) cần có dữ liệu tiêu chí d, đ, e (trường leader).",
  ERR_LEADER_UNEXPECTED:
    "Công chức không giữ chức vụ lãnh đạo không có tiêu chí d, đ, e; hãy bỏ trường leader hoặc sửa leaderRole.",
  ERR_DUPLICATE_MONTH: "Tháng {month} bị khai báo hai lần.",
  ERR_MONTHS_EXCEED_WORKED: "Số tháng có kết quả đánh giá ({months}) lớn hơn số tháng công tác ({monthsWorked}).",
  ERR_QUOTA_RATE_ABOVE_EXCEPTION: "Tỷ lệ {rate} vượt mức tối đa được phép ({max}) theo Điều 20.5.",
  ERR_TIE_BREAK_UNKNOWN_ID: "Thứ tự quyết định của người đứng đầu có mã «{id}» không thuộc danh sách xếp loại.",
  ERR_TIE_BREAK_INCOMPLETE:
    "Thứ tự quyết định của người đứng đầu chưa gồm đủ những người bằng điểm tại ngưỡng tỷ lệ; còn thiếu: {missing}.",
  ERR_CRITERION_MAX_MISSING: "Tiêu chí «{id}» chưa có điểm tối đa.",
  ERR_CRITERION_SCORE_MISSING: "Tiêu chí «{id}» chưa được chấm điểm.",
  ERR_CRITERION_SCORE_RANGE: "Điểm của tiêu chí «{id}» phải từ {min} đến {max}.",
  ERR_CHILDREN_MAX_MISMATCH:
    "Tổng điểm tối đa các tiêu chí thành phần của «{id}» ({childrenSum}) không bằng điểm tối đa của tiêu chí ({max}).",
  ERR_PARENT_SCORE_MISMATCH:
    "Điểm của tiêu chí «{id}» ({score}) không bằng tổng điểm các tiêu chí thành phần ({childrenSum}).",
  ERR_BONUS_AND_PENALTY: "Tiêu chí «{id}» không thể vừa là điểm cộng vừa là điểm trừ.",
  ERR_BONUS_PENALTY_NESTED: "Tiêu chí điểm cộng, điểm trừ «{id}» phải ở cấp cao nhất của bộ tiêu chí.",
  ERR_BONUS_PENALTY_CHILDREN: "Tiêu chí điểm cộng, điểm trừ «{id}» không có tiêu chí thành phần.",
  ERR_FRAMEWORK_OVER_MAX: "Tổng điểm tối đa của các tiêu chí ({total}) vượt quá {max} điểm.",
  ERR_NOTHING_APPLICABLE: "Mọi tiêu chí đều không đánh giá (không áp dụng), không còn điểm nào để quy đổi.",
  ERR_CONDITION_MISSING: "Thiếu điều kiện xếp loại «{condition}» mà quy định {rules} yêu cầu.",
};

const typeNames: Record<string, string> = {
  number: "số",
  string: "chuỗi ký tự",
  boolean: "đúng/sai (true/false)",
  object: "đối tượng JSON",
  array: "danh sách",
};

const numberFormat = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 6 });

function formatParam(value: IssueParam | undefined): string {
  if (value === undefined || value === null) return "—";
  if (typeof value === "number") return numberFormat.format(value);
  if (typeof value === "boolean") return value ? "có" : "không";
  if (typeof value === "string") return value;
  return value.map((v) => formatParam(v)).join(", ");
}

/** `assignments[0].quantity`; the document itself for an empty path. */
export function formatIssuePath(path: readonly (string | number)[]): string {
  if (path.length === 0) return "(tài liệu)";
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

/** A range issue carries one bound; it reads as the rule the value broke. */
function rangeClause(params: Issue["params"]): string {
  const inclusive = params.inclusive !== false;
  if (params.min !== undefined) {
    return inclusive ? `phải từ ${formatParam(params.min)} trở lên` : `phải lớn hơn ${formatParam(params.min)}`;
  }
  if (params.max !== undefined) {
    return inclusive ? `không được lớn hơn ${formatParam(params.max)}` : `phải nhỏ hơn ${formatParam(params.max)}`;
  }
  return "nằm ngoài khoảng cho phép";
}

/** The Vietnamese sentence for one issue. */
export function calcIssueMessage(issue: Issue): string {
  return calcIssueMessages[issue.code].replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === "path") return formatIssuePath(issue.path);
    if (name === "bound") return rangeClause(issue.params);
    if (name === "expected") return typeNames[String(issue.params.expected)] ?? formatParam(issue.params.expected);
    return formatParam(issue.params[name]);
  });
}

export interface CalcIssueDetail extends Issue {
  readonly message: string;
}

export interface CalcErrorBody {
  readonly code: "CALC_INVALID";
  readonly message: string;
  readonly details: readonly CalcIssueDetail[];
}

/**
 * The API error body for a failed calculation (CLI stderr, HTTP 400): a Vietnamese summary naming
 * the first issue, and every issue with its code, path, parameters and Vietnamese message.
 */
export function calcErrorBody(issues: readonly Issue[]): CalcErrorBody {
  const details = issues.map((i) => ({ ...i, message: calcIssueMessage(i) }));
  const first = details[0]?.message;
  const more = details.length > 1 ? ` (và ${details.length - 1} lỗi khác)` : "";
  return {
    code: "CALC_INVALID",
    message: first ? `${errorMessages.CALC_INVALID} ${first}${more}` : errorMessages.CALC_INVALID,
    details,
  };
}
