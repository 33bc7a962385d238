import {
  type CatalogImportReport,
  type ImportRowIssue,
  isAgencyKind,
  limits,
  type OrgUnitKind,
} from "@thuocdo/contract";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError } from "../../http/app-error.ts";
import { decodeUtf8, parseCsv } from "../../lib/csv.ts";
import { sniffFileType } from "../../lib/file-type.ts";
import { newId } from "../../lib/tokens.ts";
import { readSheet } from "../../lib/xlsx.ts";
import { recordChange } from "../audit/service.ts";
import { assertCanEdit } from "../catalog/policy.ts";
import type { CatalogRow } from "../catalog/repo.ts";
import {
  decimal,
  divisionKey,
  mapHeaders,
  missingColumns,
  type RawTable,
  readRows,
  type ValidRow,
} from "../catalog/schema.ts";
import { assertDraft, editableDraft, requireCatalog, searchTextOf } from "../catalog/service.ts";
import * as itemsRepo from "../catalog-items/repo.ts";
import { listUnitsUnder, type UnitRow } from "../org/repo.ts";

/**
 * Loading a CSV or XLSX file into a draft: the preview and the commit judge a
 * file by the same `checkFile`, which the demo seed reuses too.
 */

const isZip = (buffer: Buffer) => buffer.length > 4 && buffer.readUInt32LE(0) === 0x04034b50;

/** A file as a table of text, whichever of CSV or XLSX its content (not its name) says it is. */
export async function readTable(file: Buffer): Promise<RawTable> {
  if (file.length === 0) throw new AppError("FILE_INVALID", { reason: "empty" });
  if (isZip(file)) {
    if (sniffFileType(file)?.extension !== "xlsx") throw new AppError("FILE_INVALID", { reason: "not_csv_or_xlsx" });
    return readSheet(file).catch(() => {
      throw new AppError("FILE_INVALID", { reason: "unreadable" });
    });
  }
  const text = decodeUtf8(file);
  if (text === null || text.includes("\0")) throw new AppError("FILE_INVALID", { reason: "not_utf8_csv" });
  const [header, ...records] = parseCsv(text);
  if (!header) return { headers: [], rows: [] };
  const headers = header.fields.map((h) => h.trim());
  return {
    headers,
    rows: records
      .filter((r) => r.fields.some((f) => f.trim() !== ""))
      .map((r) => ({
        row: r.line,
        width: r.fields.length,
        cells: Object.fromEntries(headers.map((h, i) => [h, r.fields[i] ?? ""])),
      })),
  };
}

/** The divisions and centres of an agency, by a key that survives "và"/"-" and dash variants. */
async function divisionsByKey(db: Db, agency: UnitRow): Promise<Map<string, UnitRow>> {
  const units = (await listUnitsUnder(db, [agency.path])).filter((u) => !isAgencyKind(u.kind as OrgUnitKind));
  const byKey = new Map<string, UnitRow>();
  for (const u of units) {
    byKey.set(divisionKey(u.name), u);
    if (u.code) byKey.set(divisionKey(u.code), u);
  }
  return byKey;
}

/** Items to insert for the good rows of a file, numbered after `sortFrom`. */
export function itemsFromRows(
  catalogId: string,
  rows: ValidRow[],
  divisions: Map<string, UnitRow>,
  sortFrom: number,
  makeId: (row: ValidRow) => string = () => newId(),
): itemsRepo.NewItem[] {
  return rows.map((r, i) => {
    const unit = r.section === "division" && r.divisionName ? divisions.get(divisionKey(r.divisionName)) : undefined;
    return {
      id: makeId(r),
      catalogId,
      section: r.section,
      divisionUnitId: unit?.id ?? null,
      divisionName: r.divisionName,
      code: r.code,
      task: r.task,
      detail: r.detail,
      output: r.output,
      complexityGroup: r.complexityGroup,
      pointBand: r.pointBand,
      points: r.points,
      unitQuantity: r.unitQuantity,
      note: r.note,
      searchText: searchTextOf(r),
      sortOrder: sortFrom + i + 1,
    };
  });
}

/** Reads and checks a whole file against a catalog, without writing. Shared by the preview, the commit and the seed. */
export async function checkFile(
  db: Db,
  agency: UnitRow,
  catalog: CatalogRow,
  file: Buffer,
  replace: boolean,
): Promise<{ report: CatalogImportReport; valid: ValidRow[]; divisions: Map<string, UnitRow> }> {
  const table = await readTable(file);
  const missing = missingColumns(mapHeaders(table.headers));
  if (missing.length > 0) throw new AppError("FILE_INVALID", { reason: "missing_columns", columns: missing });
  if (table.rows.length === 0) throw new AppError("FILE_INVALID", { reason: "empty" });
  if (table.rows.length > limits.importRowsMax)
    throw new AppError("FILE_INVALID", { reason: "too_many_rows", max: limits.importRowsMax });
  const existingCodes = new Set(
    replace ? [] : (await itemsRepo.itemsOf(db, catalog.id)).map((i) => i.code.toUpperCase()),
  );
  const { valid, issues } = readRows(table, { standardPoints: decimal(catalog.standardPoints), existingCodes });
  const divisions = await divisionsByKey(db, agency);
  const unmatched = new Set(
    valid
      .filter((r) => r.section === "division" && r.divisionName && !divisions.has(divisionKey(r.divisionName)))
      .map((r) => r.divisionName!),
  );
  return {
    valid,
    divisions,
    report: {
      totalRows: table.rows.length,
      goodRows: valid.length,
      badRows: new Set(issues.map((i) => i.row)).size,
      issues,
      bySection: countBy(valid, (r) => r.section),
      byGroup: countBy(valid, (r) => r.complexityGroup),
      unmatchedDivisions: [...unmatched],
      imported: 0,
    },
  };
}

function countBy<T, K extends string>(rows: T[], key: (row: T) => K): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + 1;
  return out;
}

export interface ImportOptions {
  mode: "all" | "good_rows";
  replace?: boolean;
}

export async function previewImport(
  deps: Deps,
  actor: Actor,
  id: string,
  file: Buffer,
  options: ImportOptions,
): Promise<CatalogImportReport> {
  const { catalog, agency } = await requireCatalog(deps.db, id);
  assertCanEdit(actor, agency.path);
  assertDraft(catalog);
  return (await checkFile(deps.db, agency, catalog, file, options.replace ?? false)).report;
}

/**
 * Writes a file's items into a draft in one transaction. `all` refuses the
 * whole file if any row is bad (nothing written, the bad rows listed);
 * `good_rows` writes the good ones and reports the rest as skipped.
 */
export async function commitImport(
  deps: Deps,
  actor: Actor,
  id: string,
  file: Buffer,
  options: ImportOptions,
): Promise<CatalogImportReport> {
  return deps.db.transaction(async (tx) => {
    const { catalog, agency } = await editableDraft(tx, actor, id);
    const replace = options.replace ?? false;
    const { report, valid, divisions } = await checkFile(tx, agency, catalog, file, replace);
    if (options.mode === "all" && report.issues.length > 0)
      throw new AppError("IMPORT_INVALID", { rows: report.issues, report: { ...report, issues: undefined } });
    if (replace) await itemsRepo.deleteItemsOf(tx, id);
    const sortFrom = replace ? 0 : await itemsRepo.maxSortOrder(tx, id);
    await itemsRepo.insertItems(tx, itemsFromRows(id, valid, divisions, sortFrom));
    await recordChange(tx, actor, {
      entity: "catalog",
      entityId: id,
      unitPath: agency.path,
      action: "import",
      after: {
        mode: options.mode,
        replace,
        imported: valid.length,
        skippedLines: [...new Set(report.issues.map((i: ImportRowIssue) => i.row))],
        bySection: report.bySection,
        byGroup: report.byGroup,
      },
    });
    return { ...report, imported: valid.length };
  });
}
