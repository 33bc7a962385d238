import { openDatabase } from "./db/database.ts";
import * as repo from "./modules/scoring/repo.ts";
import { scorePeriod } from "./modules/scoring/service.ts";

const database = await openDatabase({ kind: "postgres", url: "postgres://postgres@127.0.0.1:5432/thuocdo_bench" });
const db = database.db;
const ids = (await repo.periodsOfYear(db, 2026)).slice(2000, 2010);
const t: Record<string, number> = {};
const time = async <T,>(k: string, f: () => Promise<T>) => {
  const s = performance.now();
  const r = await f();
  t[k] = (t[k] ?? 0) + performance.now() - s;
  return r;
};
for (const id of ids) {
  await db.transaction(async (tx) => {
    await time("ruleset", () => repo.periodRuleSet(tx, id));
    const m = await time("members", () => repo.periodMembers(tx, id));
    await time("lock", () => repo.lockForScoring(tx, id, null));
    await time("lines", () => repo.scoringLines(tx, id, null));
    await time("deliveries", () => repo.scoringDeliveries(tx, id, null));
    await time("exact", () =>
      repo.exactTotals(
        tx,
        id,
        m.map((x) => x.personId),
      ),
    );
  });
  await time("scorePeriod", () => db.transaction((tx) => scorePeriod(tx, id)));
}
console.log(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, (v / ids.length).toFixed(1) + " ms"])));
await database.close();
