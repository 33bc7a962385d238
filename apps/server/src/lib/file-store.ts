import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Content-addressed storage on disk: a file lives at files/ab/abcdef… by its
 * SHA-256, so the same scan uploaded twice is stored once and a stored file
 * can never be changed under its name.
 */
export interface FileStore {
  put(content: Buffer): string;
  get(sha256: string): Buffer;
}

export function diskFileStore(root: string): FileStore {
  const pathOf = (sha: string) => join(root, sha.slice(0, 2), sha);
  return {
    put(content) {
      const sha = createHash("sha256").update(content).digest("hex");
      mkdirSync(join(root, sha.slice(0, 2)), { recursive: true });
      writeFileSync(pathOf(sha), content, { flag: "w" });
      return sha;
    },
    get(sha) {
      if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error("bad file key");
      return readFileSync(pathOf(sha));
    },
  };
}
