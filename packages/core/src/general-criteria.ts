import { Rational } from "./rational.ts";
import { err, type Issue, issue, ok, type Result } from "./result.ts";

/**
 * The general criteria of a civil servant's period (tiêu chí chung, 30 points): three criteria
 * named in Decree 335 Art. 12.2 and described in Appendix I, split into ten sub-criteria with the
 * maxima of Mẫu số 01 (Appendix II). Reference data, so the form, the server check and the sum
 * all read the same table.
 */

export const generalSubCriterionCodes = [
  "I.1",
  "I.2",
  "II.1",
  "II.2",
  "II.3",
  "II.4",
  "III.1",
  "III.2",
  "III.3",
  "III.4",
] as const;
export type GeneralSubCriterionCode = (typeof generalSubCriterionCodes)[number];

/** Self or confirmed points of one period, one entry per sub-criterion. */
export type GeneralScores = Readonly<Record<GeneralSubCriterionCode, number>>;

export interface GeneralSubCriterion {
  readonly code: GeneralSubCriterionCode;
  readonly name: string;
  /** Maximum points; exact through `Rational.from` (2.5 is 5/2). */
  readonly max: number;
  /** Appendix I descriptors, paraphrased, as help text beside the score box. */
  readonly help: string;
}

export interface GeneralCriterion {
  readonly code: "I" | "II" | "III";
  readonly name: string;
  readonly max: number;
  readonly subCriteria: readonly GeneralSubCriterion[];
}

/** Mẫu số 01 (Appendix II): 10 + 10 + 10 = 30 points (Art. 12.1–12.2, Appendix I). */
export const generalCriteria: readonly GeneralCriterion[] = [
  {
    code: "I",
    name: "Phẩm chất chính trị, phẩm chất đạo đức, văn hóa thực thi công vụ và ý thức kỷ luật, kỷ cương trong thực thi công vụ",
    max: 10,
    subCriteria: [
      {
        code: "I.1",
        name: "Phẩm chất chính trị, phẩm chất đạo đức, văn hóa thực thi công vụ",
        max: 5,
        help: "Chấp hành đường lối của Đảng, pháp luật của Nhà nước; lập trường chính trị vững vàng; học tập, nghiên cứu chủ nghĩa Mác-Lênin, tư tưởng Hồ Chí Minh và các nghị quyết; lối sống trong sạch, không tham nhũng, quan liêu, hách dịch; đoàn kết; tác phong, lề lối làm việc chuẩn mực; tự phê bình và khắc phục hạn chế.",
      },
      {
        code: "I.2",
        name: "Ý thức kỷ luật, kỷ cương trong thực thi công vụ",
        max: 5,
        help: "Chấp hành sự phân công của tổ chức; thực hiện nội quy, quy chế của cơ quan; kê khai tài sản, thu nhập theo quy định; báo cáo trung thực với cấp trên.",
      },
    ],
  },
  {
    code: "II",
    name: "Năng lực chuyên môn, nghiệp vụ theo yêu cầu vị trí việc làm; khả năng đáp ứng yêu cầu nhiệm vụ; tinh thần trách nhiệm; thái độ phục vụ Nhân dân, doanh nghiệp và phối hợp",
    max: 10,
    subCriteria: [
      {
        code: "II.1",
        name: "Năng lực chuyên môn, nghiệp vụ theo yêu cầu vị trí việc làm",
        max: 2.5,
        help: "Nắm vững kiến thức chuyên môn, nghiệp vụ của vị trí việc làm; thường xuyên học tập, cập nhật kiến thức; có kỹ năng ứng dụng công nghệ thông tin.",
      },
      {
        code: "II.2",
        name: "Khả năng đáp ứng yêu cầu nhiệm vụ thường xuyên và đột xuất",
        max: 2.5,
        help: "Xử lý công việc thường xuyên ổn định, đúng quy trình; chủ động xử lý nhiệm vụ đột xuất, phát sinh.",
      },
      {
        code: "II.3",
        name: "Tinh thần trách nhiệm",
        max: 2.5,
        help: "Tận tụy, trách nhiệm với công việc được giao; chủ động phối hợp trong thực hiện nhiệm vụ.",
      },
      {
        code: "II.4",
        name: "Thái độ phục vụ Nhân dân, doanh nghiệp và phối hợp với đồng nghiệp",
        max: 2.5,
        help: "Vị trí tiếp xúc trực tiếp: được người dân, doanh nghiệp đánh giá tích cực. Vị trí khác: phối hợp hiệu quả với các cơ quan, đơn vị và đồng nghiệp.",
      },
    ],
  },
  {
    code: "III",
    name: "Năng lực đổi mới, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm vì lợi ích chung",
    max: 10,
    subCriteria: [
      {
        code: "III.1",
        name: "Có sản phẩm, giải pháp đột phá, sáng tạo mang lại hiệu quả thiết thực",
        max: 2.5,
        help: "Đề xuất, thực hiện sản phẩm hoặc giải pháp mới, sáng tạo, được áp dụng và mang lại hiệu quả thực tế.",
      },
      {
        code: "III.2",
        name: "Sẵn sàng nhận nhiệm vụ đặc biệt, cấp bách, phức tạp hoặc trong điều kiện khó khăn",
        max: 2.5,
        help: "Sẵn sàng nhận và hoàn thành nhiệm vụ khó, cấp bách, phức tạp, trong điều kiện khó khăn.",
      },
      {
        code: "III.3",
        name: "Dám chịu trách nhiệm về kết quả và sai sót, có giải pháp khắc phục cụ thể",
        max: 2.5,
        help: "Nhận trách nhiệm về kết quả công việc và sai sót của mình; đề ra và thực hiện giải pháp khắc phục cụ thể.",
      },
      {
        code: "III.4",
        name: "Quyết định trong phạm vi thẩm quyền, không né tránh, tiên phong thực hiện nhiệm vụ mới",
        max: 2.5,
        help: "Dám quyết định các vấn đề thuộc thẩm quyền, không né tránh, đùn đẩy; tiên phong trong nhiệm vụ mới.",
      },
    ],
  },
];

/** The ten sub-criteria in form order. */
export const generalSubCriteria: readonly GeneralSubCriterion[] = generalCriteria.flatMap((c) => c.subCriteria);

/**
 * General points of a period (Art. 12.1, Appendix II Mẫu 01): checks each sub-criterion score is
 * present and within 0 ≤ s ≤ max, then sums exactly. Issues use the calculator's shape codes with
 * the path `general.<code>`, so the edge can word them.
 */
export function generalPoints(scores: Readonly<Record<string, number | null | undefined>>): Result<Rational> {
  const issues: Issue[] = [];
  const values: Rational[] = [];
  for (const sub of generalSubCriteria) {
    const value = scores[sub.code];
    const path = ["general", sub.code];
    if (value === undefined || value === null) {
      issues.push(issue("ERR_FIELD_REQUIRED", path));
    } else if (!Number.isFinite(value)) {
      issues.push(issue("ERR_FIELD_TYPE", path, { expected: "number" }));
    } else if (value < 0) {
      issues.push(issue("ERR_FIELD_RANGE", path, { min: 0 }));
    } else if (Rational.from(value).gt(Rational.from(sub.max))) {
      issues.push(issue("ERR_FIELD_RANGE", path, { max: sub.max }));
    } else {
      values.push(Rational.from(value));
    }
  }
  return issues.length > 0 ? err(issues) : ok(Rational.sum(values));
}
