import { hashPassword } from "../lib/password.ts";
import { type GenerateResult, generateProvince, type Progress } from "../seed/province/generate.ts";
import { GEN_PASSWORD } from "../seed/province/shape.ts";
import { openCliDatabase, scoringConcurrency } from "./database.ts";
import { type CliIo, exitCodes } from "./io.ts";
import { parseNumberOptions } from "./options.ts";

const phaseNames: Record<Progress["phase"], string> = {
  structure: "Tổ chức, công chức, danh mục",
  months: "Các tháng làm việc",
  scores: "Tính điểm các kỳ",
};

/** One line redrawn in place: a bar, the count and the phase, at most every 200 ms. */
function progressBar(io: CliIo): (p: Progress) => void {
  let last = 0;
  return (p) => {
    const now = performance.now();
    if (now - last < 200 && p.done !== p.total) return;
    last = now;
    const width = 30;
    const filled = Math.round((p.done / p.total) * width);
    const line = `[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${p.done}/${p.total} ${phaseNames[p.phase]}`;
    io.stderr.write(`\r${line.padEnd(80)}${p.done === p.total ? "\n" : ""}`);
  };
}

/** The database's own words: a failed bulk query's message would print every parameter. */
const reasonOf = (error: unknown): string =>
  error instanceof Error
    ? error.cause instanceof Error
      ? error.cause.message
      : (error.message.split("\n")[0] ?? "")
    : String(error);

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function summary(result: GenerateResult, label: string, totalMs: number): string {
  const rows = Object.entries(result.rows);
  const written = rows.reduce((sum, [, n]) => sum + n, 0);
  return [
    `Đã sinh dữ liệu tỉnh trong ${seconds(totalMs)} (${label}).`,
    ...Object.entries(result.timings).map(
      ([phase, ms]) => `  ${phaseNames[phase as Progress["phase"]].padEnd(30)} ${seconds(ms)}`,
    ),
    `Số dòng đã ghi: ${written.toLocaleString("vi-VN")}`,
    ...rows.map(([table, n]) => `  ${table.padEnd(16)} ${n.toLocaleString("vi-VN")}`),
    "Đăng nhập: <mã cơ quan>.<số thứ tự> (ví dụ a001.0003), <mã cơ quan>.hr hoặc tinh.hr, mật khẩu chung như dữ liệu mẫu.",
    "",
  ].join("\n");
}

/**
 * `npm run gen -- --people 10000 --agencies 200 --months 12 --seed 1 [--year 2026]`: a reproducible
 * province in the database `npm start` uses (DATABASE_URL, else PGlite under DATA_DIR).
 */
export async function runGen(io: CliIo, args: string[]): Promise<number> {
  const parsed = parseNumberOptions(args, { people: 10_000, agencies: 200, months: 12, seed: 1, year: 2026 });
  if (!parsed.ok) {
    io.stderr.write(`${parsed.message}\n`);
    return exitCodes.invalid;
  }
  const options = parsed.value;
  if (options.months > 12 || options.people < options.agencies * 2) {
    io.stderr.write("Cần --months từ 1 đến 12 và ít nhất 2 công chức cho mỗi cơ quan.\n");
    return exitCodes.invalid;
  }
  const started = performance.now();
  const db = await openCliDatabase();
  try {
    const result = await generateProvince(
      db.database.db,
      { ...options, concurrency: scoringConcurrency(db.database) },
      await hashPassword(GEN_PASSWORD),
      progressBar(io),
    );
    io.stdout.write(summary(result, db.label, performance.now() - started));
    return exitCodes.ok;
  } catch (error) {
    io.stderr.write(`\n${reasonOf(error)}\n`);
    return 1;
  } finally {
    await db.close();
  }
}
