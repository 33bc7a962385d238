import { endpoints } from "@thuocdo/contract";
import { login } from "../support/http.ts";
import { type LoadResult, runLoad } from "./load.ts";

export interface ReadsMeasure {
  divisionPeople: number;
  board: LoadResult;
  breakdown: LoadResult;
}

const pathOf = (template: string, params: Record<string, string>) =>
  template.replace(/:(\w+)/g, (_, name: string) => params[name]!);

/** Measure 3: a division head's board and one person's monthly breakdown, read over and over. */
export async function measureReads(
  baseUrl: string,
  reader: { username: string; periodId: string; unitId: string; personId: string; people: number },
  options: { connections: number; seconds: number },
): Promise<ReadsMeasure> {
  const session = await login(baseUrl, reader.username, "ThuocDo@2026");
  const read = (path: string) =>
    runLoad({
      url: `${baseUrl}${path}`,
      connections: options.connections,
      duration: options.seconds,
      headers: session.headers,
    });
  const board = await read(`${pathOf(endpoints.divisionBoard.path, { id: reader.periodId })}?unitId=${reader.unitId}`);
  const breakdown = await read(
    pathOf(endpoints.getPersonEvaluation.path, { id: reader.periodId, personId: reader.personId }),
  );
  return { divisionPeople: reader.people, board, breakdown };
}
