import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
const exe = Buffer.from("4d5a90000300000004000000ffff0000", "hex");

async function upload(username: string, unitId: string, content: Buffer, filename: string) {
  const user = await t.as(username);
  const boundary = "----tdfiles";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`;
  return t.app.inject({
    method: "POST",
    url: `/api/v1/files?unitId=${unitId}`,
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: {
      "content-type": `multipart/form-data; boundary=${boundary}`,
      cookie: user.cookie!,
      "x-csrf-token": user.csrf,
    },
  });
}

describe("evidence files", () => {
  it("stores a PDF by content, and serves it back only inside the unit's scope", async () => {
    const res = await upload("staff", "na-kt", pdf, "biên bản họp.pdf");
    expect(res.statusCode).toBe(200);
    const file = res.json();
    expect(file).toMatchObject({ name: "biên bản họp.pdf", mime: "application/pdf", size: pdf.length });

    const manager = await t.as("manager");
    const got = await manager.get(`/api/v1/files/${file.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(pdf)).toBe(true);
    expect(got.headers["content-disposition"]).toContain("filename*=UTF-8''bi%C3%AAn");

    const outsider = await t.as("appraiser");
    expect((await outsider.get(`/api/v1/files/${file.id}`)).statusCode).toBe(403);
  });

  it("judges the type by content, not by name", async () => {
    const disguised = await upload("staff", "na-kt", exe, "minh-chung.pdf");
    expect(disguised.statusCode).toBe(422);
    expect(disguised.json()).toMatchObject({ code: "FILE_INVALID", details: { reason: "type_not_allowed" } });
    const image = await upload("staff", "na-kt", png, "anh.jpg");
    expect(image.json().mime).toBe("image/png");
  });

  it("refuses uploads into a unit outside the caller's scope", async () => {
    expect((await upload("staff", "na-vhxh", pdf, "x.pdf")).statusCode).toBe(403);
  });
});
