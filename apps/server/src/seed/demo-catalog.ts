import { readFileSync } from "node:fs";
import type { Deps } from "../context.ts";
import { recordChange } from "../modules/audit/service.ts";
import * as catalogs from "../modules/catalog/repo.ts";
import { checkFile, itemsFromRows } from "../modules/catalog-import/service.ts";
import * as catalogItems from "../modules/catalog-items/repo.ts";
import { replacePositionCodes } from "../modules/catalog-mapping/repo.ts";
import { findUnit } from "../modules/org/repo.ts";
import { listPositions } from "../modules/positions/repo.ts";
import { NGUYET_AN_ID } from "./demo-data.ts";
import * as repo from "./repo.ts";

/**
 * The demo catalog: UBND xã Nghĩa Lâm's real catalog (QĐ 283/QĐ-UBND of
 * 31/5/2026, 371 products, standard unit 5 points) loaded into Nguyệt An as
 * version 1, read through the same checks as any upload, with each demo
 * position mapped to the products it normally makes.
 */

const SEED = { name: "demo-catalog", version: 1 };
/** Its own lock key, so this load and the demo org load never wait on each other by accident. */
const SEED_LOCK_KEY = 335_2027;
export const DEMO_CATALOG_ID = "cat-nguyet-an-v1";
const CSV = new URL("./data/nghialam-qd283-2026-catalog.csv", import.meta.url);

const prefixes =
  (...list: string[]) =>
  (code: string) =>
    list.some((p) => code.startsWith(p));
const vpRange =
  (...ranges: [number, number][]) =>
  (code: string) => {
    const m = /^VP\.(\d+)$/.exec(code);
    return !!m && ranges.some(([lo, hi]) => Number(m[1]) >= lo && Number(m[1]) <= hi);
  };
const leadership = prefixes("QL.");

/** What each Nguyệt An position normally makes, besides the shared DC.* products every position makes. */
const positionRules: Record<string, (code: string) => boolean> = {
  "LD-CT": leadership,
  "LD-PCT": leadership,
  "QL-TP": leadership,
  "QL-PP": leadership,
  "VP-TH": vpRange([1, 15], [21, 33]),
  "VP-TPHT": vpRange([16, 20], [34, 42]),
  "VP-VT": vpRange([4, 7], [29, 30]),
  "KT-TC": prefixes("KTTC."),
  "KT-DC": prefixes("KTDC.", "GPMB."),
  "KT-NN": prefixes("KTNN."),
  "KT-CT": prefixes("KTXD.", "KTMT."),
  "VH-VHTT": prefixes("VHTT."),
  "VH-LDXH": prefixes("ASXH.", "VHXHKT."),
  "VH-NV": prefixes("NV."),
  "VH-GDYT": prefixes("GD.", "YTE."),
  "HCC-TN": prefixes("HCC."),
};
const shared = prefixes("DC.");

/** Loads the demo catalog unless it was loaded before (or the demo org is absent). True when it loaded now. */
export async function seedDemoCatalog(deps: Deps): Promise<boolean> {
  return deps.database.withAdvisoryLock(SEED_LOCK_KEY, async () => {
    if (await repo.hasRun(deps.db, SEED.name, SEED.version)) return false;
    const agency = await findUnit(deps.db, NGUYET_AN_ID);
    if (!agency) return false;
    await deps.db.transaction(async (tx) => {
      const catalog = {
        id: DEMO_CATALOG_ID,
        agencyId: agency.id,
        versionNo: 1,
        name: "Danh mục sản phẩm/công việc quy đổi",
        standardUnitName: "Soạn thảo văn bản hành chính đơn giản",
        standardPoints: "5",
        status: "approved",
        decisionNumber: "283/QĐ-UBND",
        decisionDate: "2026-05-31",
        decisionSigner: "Lê Văn Thành",
        effectiveFrom: "2026-06-01",
        approvedBy: "u-head",
        approvedAt: new Date("2026-05-31T09:00:00+07:00"),
      };
      await catalogs.insertCatalog(tx, catalog);
      const { report, valid, divisions } = await checkFile(
        tx,
        agency,
        { ...catalog, version: 1 } as catalogs.CatalogRow,
        readFileSync(CSV),
        true,
      );
      // Seed data must be clean; a bad row here is a packaging error, not something to skip quietly.
      if (report.issues.length > 0) throw new Error(`demo catalog: ${JSON.stringify(report.issues.slice(0, 5))}`);
      const items = itemsFromRows(catalog.id, valid, divisions, 0, (r) => `ci-na-v1-${r.code.toLowerCase()}`);
      await catalogItems.insertItems(tx, items);

      const codes = items.map((i) => i.code);
      for (const position of await listPositions(tx, [agency.id])) {
        const own = positionRules[position.code];
        if (!own) continue;
        await replacePositionCodes(
          tx,
          position.id,
          codes.filter((c) => shared(c) || own(c)),
        );
      }
      await repo.markRun(tx, SEED.name, SEED.version);
      await recordChange(tx, null, {
        entity: "catalog",
        entityId: catalog.id,
        unitPath: agency.path,
        action: "import",
        after: { seed: SEED.name, items: items.length, bySection: report.bySection, byGroup: report.byGroup },
      });
    });
    return true;
  });
}
