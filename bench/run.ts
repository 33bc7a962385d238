import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { openCliDatabase, scoringConcurrency } from "../apps/server/src/cli/database.ts";
import { unitExists } from "../apps/server/src/seed/province/repo.ts";
import { provinceId } from "../apps/server/src/seed/province/shape.ts";
import { measureBurst, measureFloorBurst } from "./measure/burst.ts";
import { agenciesUnder, databaseVersion } from "./measure/floor-repo.ts";
import { measureProvince } from "./measure/province.ts";
import { measureReads } from "./measure/reads.ts";
import { measureReports } from "./measure/reports.ts";
import { boardReader, burstUsers, openMonth } from "./measure/setup-repo.ts";
import { renderResults } from "./results.ts";
import { startChild } from "./support/child.ts";
import { measureWeb } from "./web.ts";

/**
 * `npm run bench`: the five measures of issue #7 on the province `npm run gen` wrote, in the same
 * database (DATABASE_URL, else PGlite under DATA_DIR); writes bench/RESULTS.md.
 */
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const runs = option("runs", 3);
const seconds = option("seconds", 60);
const connections = option("connections", 200);
/** The civil servants of the month-end: each connection acts for one who is free at the time. */
const burstPeople = option("users", 1000);
/** Small enough that a minute of deliveries never fills a line (four decimals are kept). */
const burstQuantity = 0.001;
const pathPrefix = `/${provinceId}/`;
const log = (text: string) => process.stderr.write(`${text}\n`);

const cli = await openCliDatabase();
const db = cli.database.db;
if (!(await unitExists(db, provinceId))) {
  log("Chưa có tỉnh sinh sẵn: chạy `npm run gen -- --people 10000 --agencies 200 --months 12 --seed 1` trước.");
  await cli.close();
  process.exit(1);
}
const month = await openMonth(db, pathPrefix);
if (!month) throw new Error("the generated province has no open month");
const pad = (n: number) => String(n).padStart(2, "0");
const today = `${month.year}-${pad(month.number)}-28`;
const users = await burstUsers(db, pathPrefix, burstPeople);
const reader = await boardReader(db, pathPrefix);
const agencies = await agenciesUnder(db, pathPrefix);
const version = await databaseVersion(db);

log(`1/5 Tính lại điểm và xếp loại toàn tỉnh (${runs} lần)…`);
const province = await measureProvince(db, month.year, pathPrefix, {
  runs,
  concurrency: scoringConcurrency(cli.database),
});
await cli.close();

const childEnv = { BENCH_NOW: `${today}T09:00:00+07:00` };
log(`2/5 Cao điểm cuối tháng: ${connections} kết nối × ${seconds} s, rồi mức sàn…`);
const floorServer = await startChild(resolve(import.meta.dirname, "servers/floor.ts"), childEnv);
const floor = await measureFloorBurst(floorServer.url, { connections, seconds, runs });
await floorServer.stop();
const app = await startChild(resolve(import.meta.dirname, "servers/app.ts"), childEnv);
const burst = await measureBurst(app, users, { connections, seconds, today, runs, quantity: burstQuantity });

log("3/5 Bảng theo dõi của phòng và phiếu của một người…");
const reads = reader ? await measureReads(app.url, reader, { connections: 2, seconds: Math.min(seconds, 20) }) : null;

log("4/5 Báo cáo tổng hợp tỉnh (XLSX) và quyết định xếp loại (DOCX)…");
const reports = await measureReports(app, {
  year: month.year,
  provinceId,
  agencyId: agencies[1]?.id ?? agencies[0]!.id,
  runs,
});

log("5/5 Ứng dụng web trong Chromium…");
const web = await measureWeb({ baseUrl: app.url, username: users[0]!.username, password: "ThuocDo@2026", runs: 5 });
const peakRss = app.peakRss();
await app.stop();

const out = resolve(import.meta.dirname, "RESULTS.md");
const markdown = renderResults(
  {
    databaseLabel: cli.label,
    databaseVersion: version,
    command: `npm run bench -- ${args.join(" ")}`.trim(),
    today,
    runs,
    seconds,
    connections,
    province,
    floor,
    burst,
    reads,
    reports,
    web,
    peakRss,
  },
  out,
);
writeFileSync(out, markdown);
log(`Đã ghi ${out}`);
