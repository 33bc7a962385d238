import type { LeaderRole, OrgUnitKind, Role } from "@thuocdo/contract";

/**
 * The demo province: Thanh Hóa with the commune of Nguyệt An and three
 * provincial departments. Ids are stable so the data can be re-run, linked
 * to and cited in tests. Names are plausible, not real people.
 */

export const DEMO_PASSWORD = "ThuocDo@2026";

export interface DemoUnit {
  id: string;
  parentId: string | null;
  kind: OrgUnitKind;
  code: string;
  name: string;
}

export interface DemoPerson {
  id: string;
  code: string;
  name: string;
  unitId: string;
  position: string;
  leader: LeaderRole;
  title: string;
}

export const PROVINCE_ID = "thanh-hoa";
export const NGUYET_AN_ID = "nguyet-an";

export const demoUnits: DemoUnit[] = [
  { id: PROVINCE_ID, parentId: null, kind: "province", code: "TH", name: "UBND tỉnh Thanh Hóa" },
  { id: "so-noi-vu", parentId: PROVINCE_ID, kind: "department", code: "SNV", name: "Sở Nội vụ" },
  { id: "snv-vp", parentId: "so-noi-vu", kind: "division", code: "SNV-VP", name: "Văn phòng Sở Nội vụ" },
  { id: "snv-ccvc", parentId: "so-noi-vu", kind: "division", code: "SNV-CCVC", name: "Phòng Công chức, viên chức" },
  { id: "so-tai-chinh", parentId: PROVINCE_ID, kind: "department", code: "STC", name: "Sở Tài chính" },
  { id: "stc-vp", parentId: "so-tai-chinh", kind: "division", code: "STC-VP", name: "Văn phòng Sở Tài chính" },
  { id: "stc-ns", parentId: "so-tai-chinh", kind: "division", code: "STC-NS", name: "Phòng Quản lý ngân sách" },
  { id: "so-tu-phap", parentId: PROVINCE_ID, kind: "department", code: "STP", name: "Sở Tư pháp" },
  { id: "stp-vp", parentId: "so-tu-phap", kind: "division", code: "STP-VP", name: "Văn phòng Sở Tư pháp" },
  { id: "stp-hctp", parentId: "so-tu-phap", kind: "division", code: "STP-HCTP", name: "Phòng Hành chính tư pháp" },
  { id: NGUYET_AN_ID, parentId: PROVINCE_ID, kind: "commune", code: "NA", name: "UBND xã Nguyệt An" },
  { id: "na-vp", parentId: NGUYET_AN_ID, kind: "division", code: "NA-VP", name: "Văn phòng HĐND và UBND" },
  { id: "na-kt", parentId: NGUYET_AN_ID, kind: "division", code: "NA-KT", name: "Phòng Kinh tế" },
  { id: "na-vhxh", parentId: NGUYET_AN_ID, kind: "division", code: "NA-VHXH", name: "Phòng Văn hóa – Xã hội" },
  { id: "na-hcc", parentId: NGUYET_AN_ID, kind: "center", code: "NA-HCC", name: "Trung tâm Phục vụ hành chính công" },
];

/** Positions (vị trí việc làm) per agency: [code, name]. */
export const demoPositions: Record<string, [string, string][]> = {
  [NGUYET_AN_ID]: [
    ["LD-CT", "Chủ tịch UBND xã"],
    ["LD-PCT", "Phó Chủ tịch UBND xã"],
    ["QL-TP", "Trưởng phòng, Giám đốc Trung tâm"],
    ["QL-PP", "Phó Trưởng phòng, Phó Giám đốc Trung tâm"],
    ["VP-TH", "Văn phòng – Tổng hợp"],
    ["VP-TPHT", "Tư pháp – Hộ tịch"],
    ["VP-VT", "Văn thư – Lưu trữ"],
    ["KT-TC", "Tài chính – Kế toán"],
    ["KT-DC", "Địa chính – Xây dựng – Môi trường"],
    ["KT-NN", "Nông nghiệp và phát triển nông thôn"],
    ["KT-CT", "Công thương – Kế hoạch"],
    ["VH-VHTT", "Văn hóa – Thông tin"],
    ["VH-LDXH", "Lao động – Thương binh và Xã hội"],
    ["VH-NV", "Nội vụ"],
    ["VH-GDYT", "Giáo dục – Y tế"],
    ["HCC-TN", "Tiếp nhận và trả kết quả thủ tục hành chính"],
  ],
  "so-noi-vu": [
    ["LD-GD", "Giám đốc Sở"],
    ["LD-PGD", "Phó Giám đốc Sở"],
    ["QL-TP", "Trưởng phòng"],
    ["CCVC", "Quản lý công chức, viên chức"],
    ["TH", "Tổng hợp – Hành chính"],
  ],
  "so-tai-chinh": [
    ["LD-GD", "Giám đốc Sở"],
    ["QL-TP", "Trưởng phòng"],
    ["NS", "Quản lý ngân sách"],
    ["TH", "Tổng hợp – Hành chính"],
  ],
  "so-tu-phap": [
    ["LD-GD", "Giám đốc Sở"],
    ["QL-TP", "Trưởng phòng"],
    ["HCTP", "Hành chính tư pháp"],
    ["TH", "Tổng hợp – Hành chính"],
  ],
};

type Row = [name: string, position: string, leader: LeaderRole, title: string];

const staffOf = (unitId: string, prefix: string, rows: Row[], start: number): DemoPerson[] =>
  rows.map(([name, position, leader, title], i) => {
    const n = String(start + i).padStart(2, "0");
    return { id: `p-${prefix}-${n}`, code: `${prefix.toUpperCase()}-${n}`, name, unitId, position, leader, title };
  });

export const demoPeople: DemoPerson[] = [
  ...staffOf(
    NGUYET_AN_ID,
    "na",
    [
      ["Lê Văn Thành", "LD-CT", "head", "Chủ tịch UBND xã"],
      ["Trịnh Đăng Cường", "LD-PCT", "deputy", "Phó Chủ tịch UBND xã"],
      ["Nguyễn Thị Lan", "LD-PCT", "deputy", "Phó Chủ tịch UBND xã"],
    ],
    1,
  ),
  ...staffOf(
    "na-vp",
    "na",
    [
      ["Hoàng Văn Nam", "QL-TP", "head", "Chánh Văn phòng"],
      ["Phạm Thị Hương", "QL-PP", "deputy", "Phó Chánh Văn phòng"],
      ["Đỗ Minh Tuấn", "VP-TH", "none", "Chuyên viên"],
      ["Vũ Thị Mai", "VP-TPHT", "none", "Chuyên viên"],
      ["Bùi Văn Hải", "VP-TPHT", "none", "Chuyên viên"],
      ["Ngô Thị Thảo", "VP-VT", "none", "Cán sự"],
    ],
    4,
  ),
  ...staffOf(
    "na-kt",
    "na",
    [
      ["Trần Quốc Hùng", "QL-TP", "head", "Trưởng phòng Kinh tế"],
      ["Lê Thị Ngọc Anh", "QL-PP", "deputy", "Phó Trưởng phòng Kinh tế"],
      ["Nguyễn Văn Đức", "KT-TC", "none", "Chuyên viên"],
      ["Mai Thị Hồng", "KT-TC", "none", "Kế toán viên"],
      ["Lương Văn Sơn", "KT-DC", "none", "Chuyên viên"],
      ["Trịnh Văn Quang", "KT-NN", "none", "Chuyên viên"],
      ["Đặng Thị Yến", "KT-CT", "none", "Chuyên viên"],
    ],
    10,
  ),
  ...staffOf(
    "na-vhxh",
    "na",
    [
      ["Phạm Văn Long", "QL-TP", "head", "Trưởng phòng Văn hóa – Xã hội"],
      ["Hà Thị Thu", "QL-PP", "deputy", "Phó Trưởng phòng Văn hóa – Xã hội"],
      ["Lê Thị Thu Hà", "VH-NV", "none", "Chuyên viên"],
      ["Cao Văn Tiến", "VH-VHTT", "none", "Chuyên viên"],
      ["Đinh Thị Phương", "VH-LDXH", "none", "Chuyên viên"],
      ["Tống Văn Bình", "VH-GDYT", "none", "Chuyên viên"],
    ],
    17,
  ),
  ...staffOf(
    "na-hcc",
    "na",
    [
      ["Nguyễn Hữu Phúc", "QL-TP", "head", "Giám đốc Trung tâm"],
      ["Lâm Thị Hạnh", "QL-PP", "deputy", "Phó Giám đốc Trung tâm"],
      ["Trương Văn Khánh", "HCC-TN", "none", "Chuyên viên"],
      ["Đoàn Thị Linh", "HCC-TN", "none", "Chuyên viên"],
      ["Lò Văn Thắng", "HCC-TN", "none", "Chuyên viên"],
    ],
    23,
  ),
  ...staffOf(
    "snv-vp",
    "snv",
    [
      ["Lê Quang Minh", "LD-GD", "head", "Giám đốc Sở Nội vụ"],
      ["Trần Thị Bích Ngọc", "LD-PGD", "deputy", "Phó Giám đốc Sở Nội vụ"],
      ["Vương Văn Hòa", "TH", "none", "Chuyên viên"],
    ],
    1,
  ),
  ...staffOf(
    "snv-ccvc",
    "snv",
    [
      ["Nguyễn Thị Kim Dung", "QL-TP", "head", "Trưởng phòng Công chức, viên chức"],
      ["Phan Văn Lực", "CCVC", "none", "Chuyên viên chính"],
      ["Đào Thị Quỳnh", "CCVC", "none", "Chuyên viên"],
    ],
    4,
  ),
  ...staffOf(
    "stc-vp",
    "stc",
    [
      ["Hồ Đức Toàn", "LD-GD", "head", "Giám đốc Sở Tài chính"],
      ["Chu Thị Hằng", "TH", "none", "Chuyên viên"],
    ],
    1,
  ),
  ...staffOf(
    "stc-ns",
    "stc",
    [
      ["Lý Văn Khôi", "QL-TP", "head", "Trưởng phòng Quản lý ngân sách"],
      ["Tạ Thị Nga", "NS", "none", "Chuyên viên"],
    ],
    3,
  ),
  ...staffOf(
    "stp-vp",
    "stp",
    [
      ["Kiều Văn Thịnh", "LD-GD", "head", "Giám đốc Sở Tư pháp"],
      ["Âu Thị Vân", "TH", "none", "Chuyên viên"],
    ],
    1,
  ),
  ...staffOf(
    "stp-hctp",
    "stp",
    [
      ["Quách Văn Dũng", "QL-TP", "head", "Trưởng phòng Hành chính tư pháp"],
      ["Mạc Thị Loan", "HCTP", "none", "Chuyên viên"],
    ],
    3,
  ),
];

export interface DemoLogin {
  id: string;
  username: string;
  displayName: string;
  personId: string | null;
  grants: [Role, string][];
  description: string;
}

export const demoLogins: DemoLogin[] = [
  {
    id: "u-admin",
    username: "admin",
    displayName: "Quản trị hệ thống",
    personId: null,
    grants: [["admin", PROVINCE_ID]],
    description: "Quản trị — toàn tỉnh Thanh Hóa",
  },
  {
    id: "u-hr",
    username: "hr",
    displayName: "Lê Thị Thu Hà",
    personId: "p-na-19",
    grants: [
      ["hr", NGUYET_AN_ID],
      ["staff", "na-vhxh"],
    ],
    description: "Tổ chức cán bộ — UBND xã Nguyệt An",
  },
  {
    id: "u-hr-tinh",
    username: "hr.tinh",
    displayName: "Phan Văn Lực",
    personId: "p-snv-05",
    grants: [
      ["hr", PROVINCE_ID],
      ["staff", "snv-ccvc"],
    ],
    description: "Tổ chức cán bộ (Sở Nội vụ) — toàn tỉnh",
  },
  {
    id: "u-head",
    username: "head",
    displayName: "Lê Văn Thành",
    personId: "p-na-01",
    grants: [["head", NGUYET_AN_ID]],
    description: "Người đứng đầu — Chủ tịch UBND xã Nguyệt An",
  },
  {
    id: "u-manager",
    username: "manager",
    displayName: "Trần Quốc Hùng",
    personId: "p-na-10",
    grants: [
      ["manager", "na-kt"],
      ["staff", "na-kt"],
    ],
    description: "Lãnh đạo phòng — Trưởng phòng Kinh tế",
  },
  {
    id: "u-staff",
    username: "staff",
    displayName: "Nguyễn Văn Đức",
    personId: "p-na-12",
    grants: [["staff", "na-kt"]],
    description: "Công chức — Phòng Kinh tế, xã Nguyệt An",
  },
  {
    id: "u-appraiser",
    username: "appraiser",
    displayName: "Đào Thị Quỳnh",
    personId: "p-snv-06",
    grants: [["appraiser", "so-noi-vu"]],
    description: "Cơ quan thẩm định — Sở Nội vụ",
  },
  {
    id: "u-council",
    username: "council",
    displayName: "Lê Quang Minh",
    personId: "p-snv-01",
    grants: [["council", PROVINCE_ID]],
    description: "Hội đồng thẩm định — tỉnh Thanh Hóa",
  },
];
