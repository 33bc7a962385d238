import type { StoredFile } from "@thuocdo/contract";
import type { Deps } from "../../context.ts";
import type { Actor } from "../../http/actor.ts";
import { AppError, notFound } from "../../http/app-error.ts";
import { evidenceTypes, sniffFileType } from "../../lib/file-type.ts";
import { newId } from "../../lib/tokens.ts";
import { requireUnit } from "../org/service.ts";
import { assertCanUseUnit } from "./policy.ts";
import * as repo from "./repo.ts";

export const toStoredFile = (f: repo.FileRow): StoredFile => ({
  id: f.id,
  name: f.name,
  size: f.size,
  mime: f.mime,
  createdAt: f.createdAt.toISOString(),
});

/** A file name safe to echo back: no path, no control characters, bounded. */
const cleanName = (name: string) =>
  [...(name.split(/[\\/]/).pop() ?? "")]
    .filter((ch) => ch.charCodeAt(0) >= 0x20)
    .join("")
    .slice(0, 200) || "tep";

/** Stores an upload after checking its real type by content; the row records who, where and what. */
export async function storeFile(
  deps: Deps,
  actor: Actor,
  input: { unitId: string; name: string; content: Buffer },
): Promise<StoredFile> {
  const unit = await requireUnit(deps.db, input.unitId);
  assertCanUseUnit(actor, unit.path);
  if (input.content.length === 0) throw new AppError("FILE_INVALID", { reason: "empty" });
  const type = sniffFileType(input.content);
  if (!type || !evidenceTypes.has(type.mime)) {
    throw new AppError("FILE_INVALID", { reason: "type_not_allowed", allowed: "pdf, docx, xlsx, png, jpg, gif, webp" });
  }
  const sha256 = deps.files.put(input.content);
  const row = await repo.insertFile(deps.db, {
    id: newId(),
    sha256,
    size: input.content.length,
    mime: type.mime,
    name: cleanName(input.name),
    unitPath: unit.path,
    uploadedBy: actor.userId,
  });
  return toStoredFile(row);
}

export async function readFile(deps: Deps, actor: Actor, id: string) {
  const row = await repo.findFile(deps.db, id);
  if (!row) throw notFound("file", id);
  assertCanUseUnit(actor, row.unitPath, row.uploadedBy);
  return { row, content: deps.files.get(row.sha256) };
}

/** Looks files up for attaching, checking each exists and sits where the caller may use it. */
export async function requireFiles(deps: Deps, actor: Actor, ids: string[]): Promise<repo.FileRow[]> {
  const rows: repo.FileRow[] = [];
  for (const id of new Set(ids)) {
    const row = await repo.findFile(deps.db, id);
    if (!row) throw notFound("file", id);
    assertCanUseUnit(actor, row.unitPath, row.uploadedBy);
    rows.push(row);
  }
  return rows;
}
