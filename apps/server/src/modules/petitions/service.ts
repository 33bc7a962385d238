import {
  type answerPetitionBody,
  type filePetitionBody,
  type Holiday,
  type Petition,
  type petitionsQuery,
  vietnamDate,
  yearLinks,
} from "@thuocdo/contract";
import { addWorkingDays, builtinHolidays, type DueDate } from "@thuocdo/core";
import type { z } from "zod";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import { type Actor, scopePaths } from "../../http/actor.ts";
import { AppError, conflict, notFound } from "../../http/app-error.ts";
import { pathIds } from "../../lib/org-path.ts";
import { newId } from "../../lib/tokens.ts";
import { recordChange } from "../audit/service.ts";
import { findClassification } from "../classification/repo.ts";
import { requireFiles } from "../files/service.ts";
import { grantHoldersOver } from "../notifications/repo.ts";
import { notifyPeople, notifyUsers } from "../notifications/service.ts";
import { filesByIds, userNames } from "../records/repo.ts";
import { fileDto, requirePerson } from "../records/service.ts";
import { assertFilesFor, assertHandles, assertReads, PETITION_HANDLERS, PETITION_READERS } from "./policy.ts";
import * as repo from "./repo.ts";

/** Decree 335 Art. 22: the classifying authority resolves a petition within 7 working days. */
export const PETITION_WORKING_DAYS = 7;

/* ── The working-day calendar ── */

/**
 * The holidays of each year from `fromYear` to `toYear`: hr's corrected list where one is
 * stored, else the calendar built into `packages/core`.
 */
export async function holidaysFor(db: Db, fromYear: number, toYear: number): Promise<Holiday[]> {
  const stored = await repo.holidaysBetween(db, fromYear, toYear);
  const out: Holiday[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const custom = stored.filter((h) => h.year === year);
    if (custom.length > 0) {
      out.push(
        ...custom.map((h) => ({
          date: h.date,
          name: h.name,
          kind: h.kind as Holiday["kind"],
          source: "custom" as const,
        })),
      );
    } else {
      out.push(...builtinHolidays(year).map((h) => ({ ...h, source: "builtin" as const })));
    }
  }
  return out;
}

/** `from` + `days` working days on the stored calendar (the two years a deadline can touch). */
export async function dueDate(db: Db, from: string, days: number): Promise<DueDate> {
  const year = Number(from.slice(0, 4));
  return addWorkingDays(from, days, await holidaysFor(db, year, year + 1));
}

export async function replaceHolidays(
  deps: Deps,
  actor: Actor,
  year: number,
  body: { days: { date: string; name: string; kind: Holiday["kind"] }[]; reason: string },
): Promise<Holiday[]> {
  const wrongYear = body.days.findIndex((d) => Number(d.date.slice(0, 4)) !== year);
  const dates = new Set(body.days.map((d) => d.date));
  if (wrongYear >= 0 || dates.size !== body.days.length) {
    throw new AppError("VALIDATION_FAILED", {
      issues: [
        {
          path: ["body", "days", Math.max(wrongYear, 0), "date"],
          message: `Ngày nghỉ phải thuộc năm ${year} và không trùng nhau.`,
        },
      ],
    });
  }
  await deps.db.transaction(async (tx) => {
    const before = await holidaysFor(tx, year, year);
    await repo.replaceHolidays(tx, year, body.days, actor.userId);
    await recordChange(tx, actor, {
      entity: "public_holidays",
      entityId: String(year),
      unitPath: null,
      action: "update",
      before,
      after: body.days,
      reason: body.reason,
    });
  });
  return holidaysFor(deps.db, year, year);
}

/* ── Petitions (Art. 22) ── */

const today = (deps: Deps) => vietnamDate(deps.now());

async function toDtos(db: Db, views: repo.PetitionView[], todayIso: string): Promise<Petition[]> {
  const files = await filesByIds(
    db,
    views.flatMap((v) => [v.petition.fileId, v.petition.answerFileId]),
  );
  const names = await userNames(
    db,
    views.flatMap((v) => [v.petition.filedBy, v.petition.answeredBy]),
  );
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return views.map(({ petition: p, personName, agencyId, year }) => ({
    id: p.id,
    classificationId: p.classificationId,
    agencyId,
    year,
    personId: p.personId,
    personName,
    content: p.content,
    file: fileDto(files, p.fileId),
    receivedOn: p.receivedOn,
    dueOn: p.dueOn,
    overdue: p.status === "pending" ? todayIso > p.dueOn : !!p.answeredOn && p.answeredOn > p.dueOn,
    status: p.status as Petition["status"],
    outcome: p.outcome as Petition["outcome"],
    answer: p.answer,
    answerFile: fileDto(files, p.answerFileId),
    answeredOn: p.answeredOn,
    answeredByName: nameOf(p.answeredBy),
    decisionId: p.decisionId,
    filedByName: nameOf(p.filedBy),
    version: p.version,
  }));
}

/** A person's petitions in a classification (the caller has checked the reader). */
export async function petitionsOf(
  db: Db,
  filter: { classificationId: string; personId: string },
  todayIso: string,
): Promise<Petition[]> {
  const { rows } = await repo.listPetitions(db, { paths: ["/"], ...filter, sort: "receivedOn", order: "asc" }, null);
  return toDtos(db, rows, todayIso);
}

export async function listPetitions(
  deps: Deps,
  actor: Actor,
  query: z.output<typeof petitionsQuery>,
): Promise<{ items: Petition[]; total: number; page: number; pageSize: number }> {
  const todayIso = today(deps);
  const { rows, total } = await repo.listPetitions(
    deps.db,
    {
      ...query,
      paths: scopePaths(actor, PETITION_READERS),
      ownPersonId: actor.personId ?? undefined,
      overdueOn: query.overdue ? todayIso : undefined,
    },
    query,
  );
  return { items: await toDtos(deps.db, rows, todayIso), total, page: query.page, pageSize: query.pageSize };
}

async function requirePetition(db: Db, id: string) {
  const view = await repo.findPetition(db, id);
  if (!view) throw notFound("petition", id);
  return view;
}

export async function getPetition(deps: Deps, actor: Actor, id: string): Promise<Petition> {
  const view = await requirePetition(deps.db, id);
  assertReads(actor, view.agencyPath, view.petition.personId);
  return (await toDtos(deps.db, [view], today(deps)))[0]!;
}

/**
 * Files a petition against the classification: received today (or, for a paper petition hr
 * records, on the day given), due 7 working days later on the stored calendar. The classifying
 * agency's hr and head are told.
 */
export async function filePetition(
  deps: Deps,
  actor: Actor,
  body: z.output<typeof filePetitionBody>,
): Promise<Petition> {
  const classification = await findClassification(deps.db, body.classificationId);
  if (!classification) throw notFound("classification", body.classificationId);
  const personId = body.personId ?? actor.personId;
  if (!personId) throw notFound("person", "me");
  assertFilesFor(actor, classification.agencyPath, personId);
  const person = await requirePerson(deps.db, personId);
  if (person.person.agencyId !== classification.classification.agencyId) {
    throw new AppError("VALIDATION_FAILED", {
      issues: [{ path: ["body", "personId"], message: "Công chức không thuộc đợt xếp loại này." }],
    });
  }
  if (!["decided", "published"].includes(classification.classification.status)) {
    throw new AppError("CLASSIFICATION_STEP", {
      status: classification.classification.status,
      allowed: ["decided", "published"],
    });
  }
  const receivedOn = actor.personId === personId || !body.receivedOn ? today(deps) : body.receivedOn;
  const { dueOn } = await dueDate(deps.db, receivedOn, PETITION_WORKING_DAYS);
  if (body.fileId) await requireFiles(deps, actor, [body.fileId]);
  const { rows: open } = await repo.listPetitions(
    deps.db,
    { paths: ["/"], classificationId: classification.classification.id, personId, status: "pending" },
    null,
  );
  if (open.length > 0) throw new AppError("DUPLICATE", { entity: "petition", id: open[0]!.petition.id });
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const row = {
      id,
      classificationId: classification.classification.id,
      personId,
      content: body.content,
      fileId: body.fileId,
      receivedOn,
      dueOn,
      filedBy: actor.userId,
    };
    await repo.insertPetition(tx, row);
    const handlers = await grantHoldersOver(tx, [...PETITION_HANDLERS], pathIds(classification.agencyPath));
    await notifyUsers(
      tx,
      handlers
        .filter((h) => h.userId !== actor.userId && classification.agencyPath.startsWith(h.path))
        .map((h) => h.userId),
      {
        kind: "petition_filed",
        text: "petition_filed",
        params: {
          person: person.person.fullName,
          year: classification.classification.year,
          due: dueOn.split("-").reverse().join("/"),
        },
        link: `${yearLinks.petitions}?id=${id}`,
        dedupeKey: `petition:${id}`,
      },
    );
    await recordChange(tx, actor, {
      entity: "petition",
      entityId: id,
      unitPath: person.unitPath,
      action: "create",
      after: row,
    });
  });
  return getPetition(deps, actor, id);
}

export async function answerPetition(
  deps: Deps,
  actor: Actor,
  id: string,
  body: z.output<typeof answerPetitionBody>,
): Promise<Petition> {
  const view = await requirePetition(deps.db, id);
  assertHandles(actor, view.agencyPath);
  if (view.petition.status !== "pending") throw new AppError("PETITION_CLOSED");
  if (body.fileId) await requireFiles(deps, actor, [body.fileId]);
  await deps.db.transaction(async (tx) => {
    const patch = {
      status: "answered",
      outcome: body.outcome,
      answer: body.answer,
      answerFileId: body.fileId,
      answeredOn: today(deps),
      answeredBy: actor.userId,
    };
    if (!(await repo.answerPetition(tx, id, body.version, patch, deps.now()))) throw conflict(view.petition.version);
    await notifyPeople(tx, actor, [view.petition.personId], {
      kind: "petition_answered",
      text: "petition_answered",
      params: { year: view.year },
      link: `${yearLinks.petitions}?id=${id}`,
      dedupeKey: `petition-answer:${id}`,
    });
    await recordChange(tx, actor, {
      entity: "petition",
      entityId: id,
      unitPath: view.agencyPath,
      action: "answer",
      before: { status: view.petition.status },
      after: patch,
    });
  });
  return getPetition(deps, actor, id);
}
