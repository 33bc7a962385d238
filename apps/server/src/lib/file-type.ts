/**
 * What a file is, judged by its first bytes rather than its name: an upload
 * named "bao-cao.pdf" that is really an executable is refused. Office files
 * are ZIP archives; their part names (stored uncompressed in the local
 * headers) tell a Word document from an Excel workbook.
 */
export type SniffedType = { mime: string; extension: string };

const startsWith = (buffer: Buffer, bytes: number[], offset = 0) =>
  buffer.length >= offset + bytes.length && bytes.every((b, i) => buffer[offset + i] === b);

export function sniffFileType(buffer: Buffer): SniffedType | null {
  if (startsWith(buffer, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mime: "application/pdf", extension: "pdf" };
  if (startsWith(buffer, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { mime: "image/png", extension: "png" };
  if (startsWith(buffer, [0xff, 0xd8, 0xff])) return { mime: "image/jpeg", extension: "jpg" };
  if (startsWith(buffer, [0x47, 0x49, 0x46, 0x38])) return { mime: "image/gif", extension: "gif" };
  if (startsWith(buffer, [0x52, 0x49, 0x46, 0x46]) && startsWith(buffer, [0x57, 0x45, 0x42, 0x50], 8)) {
    return { mime: "image/webp", extension: "webp" };
  }
  if (startsWith(buffer, [0x50, 0x4b, 0x03, 0x04])) {
    const head = buffer.subarray(0, Math.min(buffer.length, 64 * 1024)).toString("latin1");
    if (head.includes("word/")) {
      return { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: "docx" };
    }
    if (head.includes("xl/")) {
      return { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" };
    }
  }
  return null;
}

/** Evidence and decision scans: PDF, Word, Excel and images (Issue #4). */
export const evidenceTypes = new Set([
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
]);
