import type { CriterionKind } from "@thuocdo/contract";
import type { Deps } from "../context.ts";
import type { Db } from "../db/database.ts";
import * as agencyRepo from "../modules/agency/repo.ts";
import { frameworkRuleSet } from "../modules/agency/service.ts";
import { defaultDeadlines } from "../modules/agency-cycle/service.ts";
import { recordChange } from "../modules/audit/service.ts";
import * as frameworkRepo from "../modules/frameworks/repo.ts";
import * as orgRepo from "../modules/org/repo.ts";
import * as repo from "./repo.ts";

/**
 * Reference data of the agency evaluation: two criteria frameworks shipped as templates, marked
 * as examples to adapt (their point splits are illustrative: Decree 335 gives none, and the
 * Quảng Nam regulation's appendices are not reproduced), and the appraising agencies Article 10
 * of the Quảng Nam regulation names, created under the province when missing. With the demo,
 * also a 2026 cycle for the departments and one for the commune. Runs once (seed_runs).
 */

const SEED = { name: "agency-templates", version: 1 };

export const TEMPLATE_ND335_ID = "fw-tpl-nd335";
export const TEMPLATE_QUANGNAM_ID = "fw-tpl-quangnam2023";

/** Article 10 of QĐ 2023 Quảng Nam: the agencies that appraise criteria, with stable ids. */
export const appraiserAgencies = [
  { id: "vp-ubnd-tinh", code: "VPUB", name: "Văn phòng UBND tỉnh" },
  { id: "so-noi-vu", code: "SNV", name: "Sở Nội vụ" },
  { id: "so-tttt", code: "STTTT", name: "Sở Thông tin và Truyền thông" },
  { id: "so-khcn", code: "SKHCN", name: "Sở Khoa học và Công nghệ" },
  { id: "so-khdt", code: "SKHDT", name: "Sở Kế hoạch và Đầu tư" },
  { id: "so-tai-chinh", code: "STC", name: "Sở Tài chính" },
  { id: "so-tu-phap", code: "STP", name: "Sở Tư pháp" },
  { id: "thanh-tra-tinh", code: "TTT", name: "Thanh tra tỉnh" },
] as const;

type AppraiserId = (typeof appraiserAgencies)[number]["id"];

interface Node {
  code: string;
  name: string;
  max: number;
  kind?: CriterionKind;
  appraiser?: AppraiserId;
  evidence?: string;
  guidance?: string;
  children?: Node[];
}

const EVIDENCE = "Báo cáo kết quả, văn bản, số liệu chứng minh";

/** Decree 335 Art. 6 (30 points, 3 criteria) and Art. 7 (70 points, items a–h); the split is illustrative. */
export const nd335Template: Node[] = [
  {
    code: "I",
    name: "Tiêu chí chung (Điều 6)",
    max: 30,
    children: [
      {
        code: "I.1",
        name: "Chấp hành chủ trương, đường lối của Đảng, pháp luật của Nhà nước, chỉ đạo của cấp trên; xây dựng, tổ chức thực hiện chiến lược, kế hoạch",
        max: 10,
        evidence: EVIDENCE,
      },
      {
        code: "I.2",
        name: "Quản lý, sử dụng công chức theo vị trí việc làm; môi trường làm việc chuyên nghiệp, minh bạch; phối hợp, đoàn kết nội bộ; kỷ luật, kỷ cương",
        max: 10,
        evidence: EVIDENCE,
      },
      {
        code: "I.3",
        name: "Cải cách hành chính, ứng dụng công nghệ thông tin, chuyển đổi số; rà soát quy chế, quy trình; khắc phục tồn tại sau đánh giá, thanh tra, kiểm toán",
        max: 10,
        evidence: EVIDENCE,
      },
    ],
  },
  {
    code: "II",
    name: "Tiêu chí về kết quả thực hiện nhiệm vụ (Điều 7)",
    max: 70,
    children: [
      {
        code: "II.a",
        name: "Thể chế hóa chủ trương, chính sách thành chiến lược, kế hoạch, đề án, văn bản quy phạm pháp luật",
        max: 8,
        evidence: EVIDENCE,
      },
      {
        code: "II.b",
        name: "Tỷ lệ hoàn thành nhiệm vụ theo chương trình, kế hoạch công tác năm và nhiệm vụ phát sinh",
        max: 15,
        evidence: EVIDENCE,
      },
      {
        code: "II.c",
        name: "Kết quả quản lý, điều hành; tháo gỡ điểm nghẽn thể chế; không sai sót trong ban hành chính sách",
        max: 10,
        evidence: EVIDENCE,
      },
      { code: "II.d", name: "Phối hợp liên ngành, liên vùng; sáng kiến được công nhận", max: 7, evidence: EVIDENCE },
      { code: "II.đ", name: "Chuyển đổi số; cắt giảm, đơn giản hóa thủ tục hành chính", max: 8, evidence: EVIDENCE },
      {
        code: "II.e",
        name: "Chương trình khoa học, công nghệ, đổi mới sáng tạo có tác động rõ",
        max: 6,
        evidence: EVIDENCE,
      },
      {
        code: "II.g",
        name: "Giải quyết hồ sơ, thủ tục hành chính; tỷ lệ xử lý trực tuyến",
        max: 8,
        evidence: EVIDENCE,
      },
      { code: "II.h", name: "Giải quyết thư, đơn khiếu nại, tố cáo, kiến nghị, phản ánh", max: 8, evidence: EVIDENCE },
    ],
  },
];

/** Quảng Nam QĐ 2023 style: criteria grouped by the appraising agency of Art. 10; the split is illustrative. */
export const quangNamTemplate: Node[] = [
  {
    code: "I",
    name: "Kết quả thực hiện nhiệm vụ được giao",
    max: 90,
    children: [
      {
        code: "I.1",
        name: "Chấp hành chỉ đạo, tham mưu, thông tin báo cáo (Văn phòng UBND tỉnh theo dõi)",
        max: 30,
        children: [
          {
            code: "I.1.1",
            name: "Thực hiện các văn bản chỉ đạo của UBND tỉnh, Chủ tịch UBND tỉnh",
            max: 8,
            appraiser: "vp-ubnd-tinh",
            evidence: EVIDENCE,
          },
          {
            code: "I.1.2",
            name: "Xây dựng, tham mưu ban hành các đề án, văn bản quy phạm pháp luật",
            max: 6,
            appraiser: "vp-ubnd-tinh",
          },
          {
            code: "I.1.3",
            name: "Kết quả triển khai văn bản pháp luật, chương trình, đề án, quy hoạch ngành, lĩnh vực",
            max: 6,
            appraiser: "vp-ubnd-tinh",
          },
          {
            code: "I.1.4",
            name: "Tham mưu ban hành chính sách, đề án phát sinh, có tính chất đặc thù",
            max: 4,
            appraiser: "vp-ubnd-tinh",
          },
          {
            code: "I.1.5",
            name: "Chế độ thông tin, báo cáo định kỳ, chuyên đề, đột xuất",
            max: 3,
            appraiser: "vp-ubnd-tinh",
          },
          { code: "I.1.6", name: "Chấp hành chế độ họp, hội nghị", max: 3, appraiser: "vp-ubnd-tinh" },
        ],
      },
      {
        code: "I.2",
        name: "Cải cách hành chính, dân vận, tổ chức bộ máy (Sở Nội vụ theo dõi)",
        max: 20,
        children: [
          {
            code: "I.2.1",
            name: "Kết quả xếp hạng công tác cải cách hành chính",
            max: 8,
            appraiser: "so-noi-vu",
            evidence: EVIDENCE,
          },
          {
            code: "I.2.2",
            name: "Kết quả xếp loại công tác dân vận của cơ quan nhà nước",
            max: 4,
            appraiser: "so-noi-vu",
          },
          {
            code: "I.2.3",
            name: "Sắp xếp bộ máy; tinh giản biên chế; quy hoạch, bổ nhiệm, lấy phiếu tín nhiệm",
            max: 8,
            appraiser: "so-noi-vu",
          },
        ],
      },
      {
        code: "I.3",
        name: "Thông tin, chuyển đổi số (Sở Thông tin và Truyền thông theo dõi)",
        max: 10,
        children: [
          {
            code: "I.3.1",
            name: "Hệ thống thông tin, lưu trữ phục vụ quản lý nhà nước và chuyên môn",
            max: 3,
            appraiser: "so-tttt",
          },
          {
            code: "I.3.2",
            name: "Xây dựng và khai thác hiệu quả Trang thông tin điện tử",
            max: 3,
            appraiser: "so-tttt",
          },
          { code: "I.3.3", name: "Kết quả đánh giá, xếp hạng mức độ chuyển đổi số", max: 4, appraiser: "so-tttt" },
        ],
      },
      {
        code: "I.4",
        name: "Khoa học, công nghệ (Sở Khoa học và Công nghệ theo dõi)",
        max: 6,
        children: [
          {
            code: "I.4.1",
            name: "Đề tài khoa học, sáng kiến có phạm vi ảnh hưởng toàn tỉnh được công nhận",
            max: 2,
            appraiser: "so-khcn",
          },
          {
            code: "I.4.2",
            name: "Tổ chức thực hiện đề tài, dự án khoa học công nghệ cấp tỉnh trở lên",
            max: 2,
            appraiser: "so-khcn",
          },
          {
            code: "I.4.3",
            name: "Công bố, duy trì, cải tiến hệ thống quản lý chất lượng TCVN ISO 9001",
            max: 2,
            appraiser: "so-khcn",
          },
        ],
      },
      {
        code: "I.5",
        name: "Năng lực cạnh tranh, đầu tư công (Sở Kế hoạch và Đầu tư theo dõi)",
        max: 9,
        children: [
          {
            code: "I.5.1",
            name: "Kết quả xếp hạng năng lực cạnh tranh cấp sở, ngành, địa phương",
            max: 3,
            appraiser: "so-khdt",
          },
          { code: "I.5.2", name: "Nghiệm thu, bàn giao và thanh quyết toán các dự án", max: 3, appraiser: "so-khdt" },
          { code: "I.5.3", name: "Tỷ lệ giải ngân vốn đầu tư", max: 3, appraiser: "so-khdt" },
        ],
      },
      {
        code: "I.6",
        name: "Quyết toán vốn đầu tư dự án hoàn thành (Sở Tài chính theo dõi)",
        max: 4,
        appraiser: "so-tai-chinh",
      },
      {
        code: "I.7",
        name: "Văn bản quy phạm pháp luật tham mưu ban hành không sai sót về nội dung, thể thức (Sở Tư pháp theo dõi)",
        max: 4,
        appraiser: "so-tu-phap",
      },
      {
        code: "I.8",
        name: "Thanh tra, tiếp công dân, phòng chống tham nhũng (Thanh tra tỉnh theo dõi)",
        max: 7,
        children: [
          {
            code: "I.8.1",
            name: "Thanh tra, kiểm tra theo ngành, lĩnh vực; tiếp công dân, giải quyết khiếu nại, tố cáo",
            max: 4,
            appraiser: "thanh-tra-tinh",
          },
          {
            code: "I.8.2",
            name: "Phòng, chống tham nhũng trong nội bộ; xử lý thông tin về tham nhũng; kê khai tài sản",
            max: 3,
            appraiser: "thanh-tra-tinh",
          },
        ],
      },
    ],
  },
  {
    code: "II",
    name: "Phối hợp giải quyết công việc với các cơ quan liên quan (theo Quy chế làm việc của UBND tỉnh)",
    max: 10,
    appraiser: "vp-ubnd-tinh",
  },
  {
    code: "C",
    name: "Điểm cộng: sáng kiến, mô hình mới được cấp có thẩm quyền công nhận; khen thưởng cấp trên",
    max: 5,
    kind: "bonus",
    appraiser: "so-noi-vu",
    evidence: "Quyết định công nhận, khen thưởng",
  },
  {
    code: "T",
    name: "Điểm trừ: bị cấp có thẩm quyền phê bình, xử lý vi phạm trong năm",
    max: 10,
    kind: "penalty",
    appraiser: "so-noi-vu",
  },
];

function criteriaRows(frameworkId: string, nodes: Node[]): frameworkRepo.NewCriterion[] {
  const rows: frameworkRepo.NewCriterion[] = [];
  const walk = (list: Node[], parentId: string | null) => {
    list.forEach((n, index) => {
      const id = `${frameworkId}-${n.code}`;
      rows.push({
        id,
        frameworkId,
        parentId,
        code: n.code,
        name: n.name,
        guidance: n.guidance ?? null,
        max: String(n.max),
        kind: n.kind ?? "scored",
        requiredEvidence: n.evidence ?? null,
        appraiserUnitId: n.appraiser ?? null,
        sortOrder: index,
      });
      walk(n.children ?? [], id);
    });
  };
  walk(nodes, null);
  return rows;
}

const NOTE = "Mẫu minh họa: điểm phân bổ chỉ để tham khảo; sao chép và điều chỉnh theo quy định của địa phương.";

async function insertFramework(
  tx: Db,
  row: {
    id: string;
    name: string;
    groupName: string;
    rules: string;
    year: number;
    ownerUnitId: string;
    isTemplate: boolean;
  },
  nodes: Node[],
  agencyIds: string[],
): Promise<void> {
  await frameworkRepo.insertFramework(tx, { ...row, description: NOTE, status: "draft" });
  await frameworkRepo.insertCriteria(tx, criteriaRows(row.id, nodes));
  await frameworkRepo.replaceAgencies(tx, row.id, agencyIds);
}

/** The 2026 demo cycles: departments on the Quảng Nam style, the commune on Decree 335. */
async function insertDemoCycles(
  tx: Db,
  provinceId: string,
  departmentIds: string[],
  communeIds: string[],
): Promise<void> {
  const year = 2026;
  const groups = [
    {
      id: "demo-2026-so",
      name: "Sở, ban, ngành",
      rules: "quangnam2023",
      nodes: quangNamTemplate,
      agencies: departmentIds,
    },
    { id: "demo-2026-xa", name: "UBND cấp xã", rules: "nd335", nodes: nd335Template, agencies: communeIds },
  ];
  for (const g of groups) {
    if (g.agencies.length === 0) continue;
    const frameworkId = `fw-${g.id}`;
    await insertFramework(
      tx,
      {
        id: frameworkId,
        name: `Bộ tiêu chí ${g.name} năm ${year}`,
        groupName: g.name,
        rules: g.rules,
        year,
        ownerUnitId: provinceId,
        isTemplate: false,
      },
      g.nodes,
      g.agencies,
    );
    const d = defaultDeadlines(year);
    await agencyRepo.insertCycle(tx, {
      id: `cycle-${g.id}`,
      frameworkId,
      year,
      name: `Đánh giá, xếp loại ${g.name} năm ${year}`,
      selfAssessmentDue: d.selfAssessment,
      appraisalDue: d.appraisal,
      explanationDue: d.explanation,
      councilDue: d.council,
      ruleSetVersion: frameworkRuleSet({ year, rules: g.rules, customRules: null }).ruleSet.id,
      ownerUnitId: provinceId,
    });
    await agencyRepo.insertAssessments(
      tx,
      g.agencies.map((agencyId) => ({ id: `as-${g.id}-${agencyId}`, cycleId: `cycle-${g.id}`, agencyId })),
    );
    await agencyRepo.markFrameworkInUse(tx, frameworkId);
  }
}

/**
 * Seeds the templates under the first province (skipped, and retried at the next start, while
 * there is none). Returns true when it ran now.
 */
export async function seedAgencyTemplates(deps: Deps, options: { demo?: boolean } = {}): Promise<boolean> {
  if (await repo.hasRun(deps.db, SEED.name, SEED.version)) return false;
  const units = await orgRepo.listUnitsUnder(deps.db, null);
  const province = units.find((u) => u.kind === "province" && u.parentId === null);
  if (!province) return false;
  await deps.db.transaction(async (tx) => {
    const existing = new Set(units.map((u) => u.id));
    let order = Math.max(0, ...units.map((u) => u.sortOrder)) + 1;
    for (const a of appraiserAgencies) {
      if (existing.has(a.id)) continue;
      await orgRepo.insertUnit(tx, {
        id: a.id,
        parentId: province.id,
        kind: "department",
        code: a.code,
        name: a.name,
        path: `${province.path}${a.id}/`,
        sortOrder: order++,
      });
    }
    const templates = [
      { id: TEMPLATE_ND335_ID, name: "Nghị định 335 Điều 6–7 (mẫu minh họa)", rules: "nd335", nodes: nd335Template },
      {
        id: TEMPLATE_QUANGNAM_ID,
        name: "Quảng Nam 2023 (mẫu minh họa)",
        rules: "quangnam2023",
        nodes: quangNamTemplate,
      },
    ];
    for (const t of templates) {
      await insertFramework(
        tx,
        {
          id: t.id,
          name: t.name,
          groupName: "Mẫu",
          rules: t.rules,
          year: 2026,
          ownerUnitId: province.id,
          isTemplate: true,
        },
        t.nodes,
        [],
      );
    }
    if (options.demo) {
      const all = await orgRepo.listUnitsUnder(tx, [province.path]);
      const children = all.filter((u) => u.parentId === province.id);
      await insertDemoCycles(
        tx,
        province.id,
        children.filter((u) => u.kind === "department").map((u) => u.id),
        children.filter((u) => u.kind === "commune").map((u) => u.id),
      );
    }
    await repo.markRun(tx, SEED.name, SEED.version);
    await recordChange(tx, null, {
      entity: "seed",
      entityId: SEED.name,
      unitPath: province.path,
      action: "create",
      after: {
        templates: templates.map((t) => t.id),
        appraisers: appraiserAgencies.map((a) => a.id),
        demo: options.demo ?? false,
      },
    });
  });
  return true;
}
