import { z } from "zod";

/**
 * Vietnamese messages for schema violations, installed as zod's global error
 * map so the server's 400 details and the web forms speak the same language.
 * Refinements carry their own Vietnamese message.
 */

const formatMessages: Record<string, string> = {
  email: "Địa chỉ email không hợp lệ.",
  regex: "Giá trị không đúng định dạng.",
  date: "Ngày không hợp lệ.",
  datetime: "Thời điểm không hợp lệ.",
};

const typeNames: Record<string, string> = {
  string: "chuỗi ký tự",
  number: "số",
  boolean: "đúng/sai",
  array: "danh sách",
  object: "đối tượng",
  int: "số nguyên",
};

const nf = new Intl.NumberFormat("vi-VN");

export function vietnameseIssueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null
        ? "Trường này là bắt buộc."
        : `Sai kiểu dữ liệu: cần ${typeNames[issue.expected] ?? issue.expected}.`;
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string") return min <= 1 ? "Không được để trống." : `Cần ít nhất ${nf.format(min)} ký tự.`;
      if (issue.origin === "array") return `Cần ít nhất ${nf.format(min)} mục.`;
      return issue.inclusive ? `Giá trị phải từ ${nf.format(min)} trở lên.` : `Giá trị phải lớn hơn ${nf.format(min)}.`;
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return `Tối đa ${nf.format(max)} ký tự.`;
      if (issue.origin === "array") return `Tối đa ${nf.format(max)} mục.`;
      return issue.inclusive
        ? `Giá trị không được vượt quá ${nf.format(max)}.`
        : `Giá trị phải nhỏ hơn ${nf.format(max)}.`;
    }
    case "invalid_format":
      return formatMessages[issue.format] ?? "Giá trị không đúng định dạng.";
    case "invalid_value":
      return "Giá trị không nằm trong danh sách cho phép.";
    case "unrecognized_keys":
      return `Trường không được hỗ trợ: ${issue.keys.join(", ")}.`;
    case "not_multiple_of":
      return `Giá trị phải là bội số của ${issue.divisor}.`;
    case "custom":
      return issue.message ?? "Giá trị không hợp lệ.";
    default:
      return "Giá trị không hợp lệ.";
  }
}

z.config({ customError: (issue) => vietnameseIssueMessage(issue) });

/** Diacritic-free lower-case form of Vietnamese text, so "nguyen van a" finds "Nguyễn Văn A". */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
