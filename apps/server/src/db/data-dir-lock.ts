import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * PGlite does not lock its data folder, and two processes writing one folder
 * corrupt it. The server takes this lock file first; a lock left by a process
 * that no longer runs is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, "thuocdo.lock");
  const tryCreate = () => {
    writeFileSync(file, String(process.pid), { flag: "wx" });
  };
  try {
    tryCreate();
  } catch {
    const holder = Number(readFileSync(file, "utf8"));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `Thư mục dữ liệu ${dataDir} đang được tiến trình ${holder} sử dụng. ` +
          "Hãy dừng máy chủ kia hoặc đặt DATA_DIR khác. " +
          `(The data folder is in use by process ${holder}.)`,
      );
    }
    rmSync(file, { force: true });
    tryCreate();
  }
  return () => rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
