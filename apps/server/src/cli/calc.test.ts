import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { calcIssueMessages } from "@thuocdo/contract";
import { calcIssueCodes } from "@thuocdo/core";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../../", import.meta.url));
const main = fileURLToPath(new URL("./main.ts", import.meta.url));

/** Runs the real CLI in a child process, as `npm run -s thuocdo -- …` does. */
function cli(args: string[], stdin = "") {
  const res = spawnSync(process.execPath, ["--import", "tsx", main, ...args], {
    cwd: root,
    input: stdin,
    encoding: "utf8",
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

const calcJson = (doc: unknown) => cli(["calc"], JSON.stringify(doc));

const examples = {
  period: {
    kind: "period",
    leaderRole: "none",
    general: 27.5,
    assignments: [
      { id: "DC.01", coefficient: 1, quantity: 10 },
      { id: "DC.05", coefficient: 12, quantity: 1 },
      { id: "DC.09", coefficient: 9, quantity: 2 },
      { id: "KTDC.03", coefficient: 6, quantity: 3 },
    ],
    deliveries: [
      { assignment: "DC.01", quantity: 9 },
      { assignment: "DC.01", quantity: 1, failedReviews: 1 },
      { assignment: "DC.05", quantity: 1, delays: 1 },
      { assignment: "DC.09", quantity: 1 },
      { assignment: "KTDC.03", quantity: 2 },
      { assignment: "KTDC.03", quantity: 1, delays: 2 },
    ],
  },
  year: {
    kind: "year",
    months: [84.12, 86.4, 88.75, 90.1, 91.3, 89.6, 92.0, 90.5, 88.2, 91.8, 93.1, 90.4].map((score, i) => ({
      month: i + 1,
      score,
    })),
    monthsWorked: 12,
  },
  quota: {
    kind: "quota",
    rate: 0.2,
    reading: "final",
    people: [
      { id: "p1", score: 96, level: "excellent" },
      { id: "p2", score: 93.1, level: "excellent" },
      ...Array.from({ length: 8 }, (_, i) => ({ id: `g${i}`, score: 80, level: "good" })),
    ],
  },
  agency: {
    kind: "agency",
    rules: "quangnam2023",
    criteria: [
      {
        id: "1",
        max: 30,
        children: [
          { id: "1.1", max: 15, score: 14 },
          { id: "1.2", max: 15, score: 13 },
        ],
      },
      { id: "2", max: 70, score: 65 },
    ],
    conditions: { parRank: "kha", seriousIncident: false },
  },
};

describe("thuocdo calc (CLI)", () => {
  it("period (decree-335.md §10 T1): one JSON result on stdout, exit 0", () => {
    const res = calcJson(examples.period);
    expect(res.status).toBe(0);
    expect(res.stderr).toBe("");
    const out = JSON.parse(res.stdout);
    expect(out).toMatchObject({ kind: "period", ruleSetVersion: "nd335-2026.1", d: null, general: 27.5 });
    expect(out.total).toBeCloseTo(84.123563, 6);
    expect(out.a).toBeCloseTo(0.844828, 6);
    expect(out.explanation.lines).toHaveLength(4);
  });

  it("year (T2): 89.68917 is good", () => {
    const out = JSON.parse(calcJson(examples.year).stdout);
    expect(out.level).toBe("good");
    expect(out.average).toBeCloseTo(89.689167, 6);
    expect(out.monthsCounted).toBe(12);
  });

  it("quota: ⌊0.2 × 10 / 1.2⌋ = 1 allowed, the second candidate cut", () => {
    const out = JSON.parse(calcJson(examples.quota).stdout);
    expect(out).toMatchObject({ allowed: 1, cut: ["p2"], ties: [], levels: { p1: "excellent", p2: "good" } });
  });

  it("agency (Quảng Nam 2023): 92 points with PAR rank kha is good", () => {
    const out = JSON.parse(calcJson(examples.agency).stdout);
    expect(out).toMatchObject({ score: 92, scoreRaw: 92, maxApplicable: 100, level: "good", flags: [] });
  });

  it.each([
    ["A = 0", { kind: "period", general: 20, assignments: [] }, "ERR_NO_ASSIGNMENT", "Chưa được giao"],
    [
      "excused > total",
      {
        ...examples.period,
        deliveries: [{ assignment: "DC.01", quantity: 1, delays: 1, excusedDelays: 2 }],
      },
      "ERR_EXCUSED_EXCEEDS_TOTAL",
      "miễn trừ",
    ],
    [
      "schema violation",
      { kind: "year", months: [{ month: 13, score: 80 }] },
      "ERR_FIELD_RANGE",
      "không được lớn hơn 12",
    ],
    ["unknown kind", { kind: "luong" }, "ERR_UNKNOWN_KIND", "Loại tính toán"],
  ])("invalid (%s): exit 2, Vietnamese error on stderr, nothing on stdout", (_, doc, code, phrase) => {
    const res = calcJson(doc);
    expect(res.status).toBe(2);
    expect(res.stdout).toBe("");
    const body = JSON.parse(res.stderr);
    expect(body.code).toBe("CALC_INVALID");
    expect(body.message).toContain("Dữ liệu tính điểm không hợp lệ");
    expect(body.message).toContain(phrase);
    expect(body.details[0]).toMatchObject({ code });
    expect(body.details[0].message).toContain(phrase);
  });

  it("malformed JSON: exit 2, MALFORMED_JSON", () => {
    const res = cli(["calc"], "{ not json");
    expect(res.status).toBe(2);
    expect(res.stdout).toBe("");
    expect(JSON.parse(res.stderr)).toMatchObject({
      code: "MALFORMED_JSON",
      message: "Nội dung gửi lên không đúng định dạng JSON.",
      details: [{ code: "ERR_MALFORMED_JSON" }],
    });
  });

  it("unknown subcommand: Vietnamese usage, exit 2", () => {
    const res = cli(["tinh"]);
    expect(res.status).toBe(2);
    expect(res.stdout).toBe("");
    expect(res.stderr).toContain("Lệnh không hợp lệ: «tinh»");
    expect(res.stderr).toContain("Cách dùng");
  });

  it("every calc issue code has a Vietnamese message", () => {
    for (const code of calcIssueCodes) {
      expect(calcIssueMessages[code], code).toMatch(
        /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/i,
      );
    }
  });
});
