import { existsSync, readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import type { BurstMeasure } from "./measure/burst.ts";
import type { LoadResult } from "./measure/load.ts";
import type { ProvinceMeasure } from "./measure/province.ts";
import type { ReadsMeasure } from "./measure/reads.ts";
import type { ReportMeasure } from "./measure/reports.ts";
import { mb, median, ms, ratio, seconds } from "./support/stats.ts";
import type { WebMeasures } from "./web.ts";

export interface Results {
  databaseLabel: string;
  databaseVersion: string;
  command: string;
  today: string;
  runs: number;
  seconds: number;
  connections: number;
  province: ProvinceMeasure;
  floor: LoadResult[];
  burst: BurstMeasure;
  reads: ReadsMeasure | null;
  reports: ReportMeasure[];
  web: WebMeasures;
  peakRss: number;
}

const goal = (ok: boolean) => (ok ? "đạt" : "**chưa đạt**");
/** autocannon counts a timeout (no answer within 10 s) among its errors too. */
const failures = (r: LoadResult) => r.non2xx + r.errors;
const failureText = (r: LoadResult) => {
  const byStatus = Object.entries(r.statuses)
    .filter(([code]) => !code.startsWith("2"))
    .map(([code, n]) => `${n}× ${code}`);
  if (r.timeouts > 0) byStatus.push(`${r.timeouts} quá 10 s`);
  return [String(failures(r)), ...(byStatus.length > 0 ? [`(${byStatus.join(", ")})`] : [])].join(" ");
};
/** The runs of a load as one: median throughput and latencies, every failure counted. */
const summary = (runs: readonly LoadResult[]) => ({
  throughput: median(runs.map((r) => r.throughput)),
  p99: median(runs.map((r) => r.p99)),
  failures: runs.reduce((sum, r) => sum + failures(r), 0),
});
const loadRows = (name: string, runs: readonly LoadResult[]) =>
  runs.map((r, i) => loadRow(runs.length > 1 ? `${name}, lần ${i + 1}` : name, r));
const loadRow = (name: string, r: LoadResult) =>
  `| ${name} | ${r.requests.toLocaleString("en")} | ${r.throughput.toFixed(0)}/s | ${r.p50} ms | ${r.p99} ms | ${failureText(r)} |`;

function section(r: Results): string {
  const p = r.province;
  const product = median(p.scoresMs) + median(p.classificationMs);
  const burst = summary(r.burst.product);
  const floor = summary(r.floor);
  const burstOk = burst.failures === 0 && burst.p99 < 200 && burst.throughput >= 0.5 * floor.throughput;
  return [
    `### ${r.databaseLabel}`,
    "",
    `${r.databaseVersion.split(",")[0]} · máy ${cpus().length} lõi (${cpus()[0]?.model.trim()}), ${mb(totalmem())} RAM · Node ${process.version}`,
    `Đo ngày ${new Date().toISOString().slice(0, 10)} · lệnh: \`${r.command}\` · ${r.runs} lần đo mỗi phép (trung vị) · đồng hồ máy chủ đặt ở ${r.today}.`,
    "",
    "**1. Tính lại toàn tỉnh** (đường tính điểm thật của sản phẩm, so với một câu SQL tổng hợp cùng các tổng quy đổi)",
    "",
    "| Phép đo | Trung vị | Các lần |",
    "|---|---|---|",
    `| Điểm ${p.evaluations.toLocaleString("en")} phiếu (mọi kỳ của ${p.agencies} cơ quan) | ${seconds(median(p.scoresMs))} | ${p.scoresMs.map(seconds).join(", ")} |`,
    `| Xếp loại năm của ${p.agencies} cơ quan (như trang Xếp loại cuối năm) | ${seconds(median(p.classificationMs))} | ${p.classificationMs.map(seconds).join(", ")} |`,
    `| Mức sàn: SQL tổng hợp ${p.personPeriods.toLocaleString("en")} người-kỳ | ${seconds(median(p.floorMs))} | ${p.floorMs.map(seconds).join(", ")} |`,
    "",
    `Sản phẩm ÷ mức sàn: **${ratio(product, median(p.floorMs))}** (mục tiêu ≤ 2×: ${goal(product <= 2 * median(p.floorMs))}); toàn tỉnh ${seconds(product)} (mục tiêu dưới 1 phút: ${goal(product < 60_000)}).`,
    "",
    `**2. Cao điểm cuối tháng** (${r.connections} kết nối, ${r.seconds} s, ${r.burst.users} công chức ghi sản phẩm hoàn thành rồi gửi tự đánh giá, luân phiên)`,
    "",
    "| Đích | Yêu cầu | Thông lượng | p50 | p99 | Lỗi |",
    "|---|---|---|---|---|---|",
    ...loadRows("Thước Đo (ghi sản phẩm + tự đánh giá)", r.burst.product),
    ...loadRows("Mức sàn: route Fastify trần, một câu insert", r.floor),
    "",
    `Trung vị: ${burst.throughput.toFixed(0)}/s, p99 ${burst.p99} ms, ${burst.failures} lỗi · thông lượng ÷ mức sàn: **${ratio(burst.throughput, floor.throughput)}** · mục tiêu (0 lỗi, p99 < 200 ms, ≥ 50% mức sàn): ${goal(burstOk)}.`,
    `Bộ nhớ máy chủ (RSS): trước ${mb(r.burst.rssBefore)}, cao nhất ${mb(r.burst.rssPeak)}, 3 s sau mỗi lần ${r.burst.rssAfter.map(mb).join(" → ")}; cao nhất cả phiên đo ${mb(r.peakRss)}.`,
    "",
    ...(r.reads
      ? [
          `**3. Đọc ở quy mô tỉnh** (2 người đọc cùng lúc; phòng ${r.reads.divisionPeople} người)`,
          "",
          "| Trang | Yêu cầu | Thông lượng | p50 | p99 | Lỗi |",
          "|---|---|---|---|---|---|",
          loadRow("Bảng theo dõi của phòng", r.reads.board),
          loadRow("Phiếu tháng của một người", r.reads.breakdown),
          "",
          `Mục tiêu p99 < 50 ms: ${goal(r.reads.board.p99 < 50 && r.reads.breakdown.p99 < 50)}.`,
          "",
        ]
      : []),
    "**4. Báo cáo**",
    "",
    "| Báo cáo | Kích thước | Thời gian (trung vị) | RSS tăng thêm khi tạo (trung vị) |",
    "|---|---|---|---|",
    ...r.reports.map(
      (x) => `| ${x.name} | ${(x.bytes / 1024).toFixed(0)} KB | ${ms(median(x.ms))} | ${mb(median(x.extraRss))} |`,
    ),
    "",
    "**5. Ứng dụng web** (Chromium không giao diện, bộ nhớ đệm trống mỗi lần)",
    "",
    `JavaScript của trang đầu (gzip mức 9): ${(r.web.firstPageJsGzipBytes / 1024).toFixed(0)} KB; CSS ${(r.web.firstPageCssGzipBytes / 1024).toFixed(1)} KB.`,
    `Dùng được (từ lúc điều hướng): Đăng nhập ${ms(median(r.web.loginTtiMs))}, Tháng này ${ms(median(r.web.thisMonthTtiMs))} (trung vị ${r.web.loginTtiMs.length} lần).`,
    "",
  ].join("\n");
}

const HEADER = `# Kết quả đo hiệu năng (bench/RESULTS.md)

Do \`npm run bench\` ghi lại; mỗi loại cơ sở dữ liệu một mục, lần chạy sau thay mục của chính nó.
Dữ liệu: \`npm run gen -- --people 10000 --agencies 200 --months 12 --seed 1\` (xem README).
Tỉ số nào cũng so với mức sàn đo **trong cùng lần chạy**, trên cùng máy. Máy đo mỗi phiên một khác, nhanh chậm
có khi gấp hai, gấp ba: các mức sàn cho biết máy hôm đó nhanh hay chậm, nên so giữa hai lần đo thì so tỉ số.
`;

/** Replaces this database kind's section of RESULTS.md, keeping the other's. */
export function renderResults(r: Results, existingPath: string): string {
  const kind = r.databaseLabel.startsWith("PostgreSQL") ? "postgres" : "pglite";
  const open = `<!-- bench:${kind} -->`;
  const close = `<!-- /bench:${kind} -->`;
  const block = `${open}\n${section(r)}${close}\n`;
  const current = existsSync(existingPath) ? readFileSync(existingPath, "utf8") : HEADER;
  const start = current.indexOf(open);
  const end = current.indexOf(close);
  if (start >= 0 && end > start) return current.slice(0, start) + block + current.slice(end + close.length + 1);
  return `${current.trimEnd()}\n\n${block}`;
}
