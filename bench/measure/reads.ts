import { buildUrl, endpoints } from "@thuocdo/contract";
import { ApiSession } from "../../e2e/support/api.ts";
import { type LoadResult, runLoad } from "./load.ts";

export interface ReadsMeasure {
  divisionPeople: number;
  board: LoadResult;
  breakdown: LoadResult;
}

/** Measure 3: a division head's board and one person's monthly breakdown, read over and over. */
export async function measureReads(
  baseUrl: string,
  reader: { username: string; periodId: string; unitId: string; personId: string; people: number },
  options: { connections: number; seconds: number },
): Promise<ReadsMeasure> {
  const headers = (await ApiSession.login(baseUrl, reader.username)).headers();
  const read = (path: string) =>
    runLoad({
      url: `${baseUrl}${path}`,
      connections: options.connections,
      duration: options.seconds,
      headers,
    });
  const board = await read(buildUrl(endpoints.divisionBoard.path, { id: reader.periodId }, { unitId: reader.unitId }));
  const breakdown = await read(
    buildUrl(endpoints.getPersonEvaluation.path, { id: reader.periodId, personId: reader.personId }),
  );
  return { divisionPeople: reader.people, board, breakdown };
}
