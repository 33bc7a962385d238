import { type Column, type SQL, sql } from "drizzle-orm";
import type { Db } from "./database.ts";

/** A column of a bulk statement: its SQL name, its SQL type, and how to read it from a row. */
export type BulkColumn<R> = readonly [name: string, type: string, value: (row: R) => unknown];

/** One array parameter per column: a statement's size no longer grows with its row count. */
const arraysOf = <R>(columns: readonly BulkColumn<R>[], rows: readonly R[]): SQL[] =>
  columns.map(([, type, value]) => sql`${sql.param(rows.map((r) => value(r) ?? null))}::${sql.raw(type)}[]`);

/**
 * One `insert … select * from unnest(…)` per call (DESIGN §9): building a `values(…)` list for
 * thousands of rows costs seconds of CPU in Drizzle, and hits the 65,535-parameter limit.
 */
export async function unnestInsert<R>(
  db: Db,
  table: string,
  columns: readonly BulkColumn<R>[],
  rows: readonly R[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = sql.raw(columns.map(([name]) => name).join(", "));
  await db.execute(
    sql`insert into ${sql.raw(table)} (${names}) select * from unnest(${sql.join(arraysOf(columns, rows), sql`, `)})`,
  );
}

/**
 * `jsonb_to_recordset(…) as v(…)`: the rows as one JSON parameter, typed by the columns, so a
 * column of type jsonb takes the value itself, not its text.
 */
export function recordset<R>(columns: readonly BulkColumn<R>[], rows: readonly R[]): SQL {
  const record = sql.raw(columns.map(([name, type]) => `${name} ${type}`).join(", "));
  const document = JSON.stringify(
    rows.map((row) => Object.fromEntries(columns.map(([name, , value]) => [name, value(row) ?? null]))),
  );
  return sql`jsonb_to_recordset(${document}::jsonb) as v(${record})`;
}

/**
 * One `update … from jsonb_to_recordset(…)` per call: the rows travel as a single JSON parameter
 * (a 7 KB explanation per row costs node-postgres nothing to escape, unlike an element of a text
 * array) and the first column is the key, the others are set. Values are typed by the record's
 * column list, so a column of type jsonb takes the value itself, not its text. Rows whose values
 * are all unchanged are left alone: no new row version, no WAL, no trigger.
 */
export async function recordsetUpdate<R>(
  db: Db,
  table: string,
  columns: readonly BulkColumn<R>[],
  rows: readonly R[],
  extraSet?: SQL,
): Promise<void> {
  if (rows.length === 0) return;
  const [key, ...rest] = columns.map(([name]) => name);
  const sets = rest.map((name) => `${name} = v.${name}`).join(", ");
  const changed = rest.map((name) => `t.${name} is distinct from v.${name}`).join(" or ");
  await db.execute(
    sql`update ${sql.raw(table)} as t set ${sql.raw(sets)}${extraSet ? sql`, ${extraSet}` : sql``}
        from ${recordset(columns, rows)}
        where t.${sql.raw(key!)} = v.${sql.raw(key!)} and (${sql.raw(changed)})`,
  );
}

/**
 * One `insert … select … from jsonb_to_recordset(…)` per call: the rows travel as a single JSON
 * parameter, however many and whatever JSON their columns hold (audit snapshots, notices), where a
 * `values(…)` list costs Drizzle a chunk per value to build. `suffix` adds `on conflict …` or
 * `returning …`; the statement's rows are returned.
 */
export async function recordsetInsert<R, T = unknown>(
  db: Db,
  table: string,
  columns: readonly BulkColumn<R>[],
  rows: readonly R[],
  suffix?: SQL,
): Promise<T[]> {
  if (rows.length === 0) return [];
  const names = sql.raw(columns.map(([name]) => name).join(", "));
  const result = await db.execute(
    sql`insert into ${sql.raw(table)} (${names}) select ${names} from ${recordset(columns, rows)} ${suffix ?? sql``}`,
  );
  return (result as unknown as { rows: T[] }).rows;
}

/**
 * `column = any($1)`: one array parameter where `inArray` makes one per value, so a batch's
 * hundred ids cost the query builder one chunk, not a hundred.
 */
export const anyOf = (column: Column | SQL, values: readonly string[]): SQL =>
  sql`${column} = any(${sql.param([...values])}::text[])`;
