import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness.ts";
import { peopleColumns } from "./service.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function workbook(rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Công chức");
  ws.addRow(Object.values(peopleColumns));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(file: Buffer, filename = "cong-chuc.xlsx") {
  const boundary = "----thuocdo";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

async function uploadAs(username: string, file: Buffer, agencyId = "nguyet-an") {
  const user = await t.as(username);
  const { payload, headers } = multipart(file);
  return t.app.inject({
    method: "POST",
    url: `/api/v1/org/people/import?agencyId=${agencyId}`,
    payload,
    headers: { ...headers, cookie: user.cookie!, "x-csrf-token": user.csrf },
  });
}

const count = async () => (await (await t.as("hr")).get("/api/v1/org/people?pageSize=1")).json().total as number;

describe("people import", () => {
  it("offers a template whose headers the import reads", async () => {
    const hr = await t.as("hr");
    const res = await hr.get("/api/v1/org/people/import-template");
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, ...Object.values(peopleColumns)]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Công chức", "Hướng dẫn"]);
  });

  it("imports a clean file, updating people whose code exists and adding the rest", async () => {
    const before = await count();
    const file = await workbook([
      ["NA-40", "Hoàng Thị Nhung", "Phòng Kinh tế", "KT-NN", "", "Chuyên viên", "nhung@nguyetan.gov.vn", "0912000111"],
      ["NA-41", "Vi Văn Thái", "NA-HCC", "HCC-TN", "Cấp phó", "Phó Giám đốc", "", ""],
      ["NA-12", "Nguyễn Văn Đức", "Phòng Kinh tế", "KT-TC", "", "Chuyên viên chính", "", ""],
    ]);
    const res = await uploadAs("hr", file);
    expect(res.json()).toEqual({ imported: 3 });
    expect(await count()).toBe(before + 2);
    const hr = await t.as("hr");
    const duc = (await hr.get("/api/v1/org/people/p-na-12")).json();
    expect(duc.title).toBe("Chuyên viên chính");
    const audit = (await hr.get("/api/v1/audit?entity=person&entityId=p-na-12")).json();
    expect(audit.items[0]).toMatchObject({
      action: "import",
      before: { title: "Chuyên viên" },
      after: { title: "Chuyên viên chính" },
    });
  });

  it("refuses the whole file when any row is bad, naming each row and reason in Vietnamese", async () => {
    const before = await count();
    const file = await workbook([
      ["NA-50", "Người Hợp Lệ", "Phòng Kinh tế", "", "", "", "", ""],
      ["NA-51", "", "Phòng Kinh tế", "", "", "", "", ""],
      ["NA-52", "Sai Đơn Vị", "Phòng Không Có", "", "", "", "", ""],
      ["NA-53", "Sai Vị Trí", "Phòng Kinh tế", "ZZ-99", "Trưởng nhóm", "", "khong-phai-email", ""],
      ["NA-50", "Trùng Mã", "Phòng Kinh tế", "", "", "", "", ""],
    ]);
    const res = await uploadAs("hr", file);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe("IMPORT_INVALID");
    expect(body.message).toBe("Tệp nhập có dòng không hợp lệ; chưa có dữ liệu nào được ghi.");
    expect(body.details.rows).toEqual([
      { row: 3, column: "Họ và tên", message: "Không được để trống." },
      { row: 4, column: "Đơn vị", message: 'Không tìm thấy đơn vị "Phòng Không Có" trong cơ quan.' },
      { row: 5, column: "Mã vị trí việc làm", message: 'Không có vị trí việc làm mã "ZZ-99".' },
      { row: 5, column: "Lãnh đạo", message: "Chỉ ghi 'Cấp trưởng', 'Cấp phó' hoặc để trống." },
      { row: 5, column: "Email", message: "Địa chỉ email không hợp lệ." },
      { row: 6, column: "Mã công chức", message: "Trùng mã công chức với dòng 2." },
    ]);
    expect(await count()).toBe(before);
  });

  it("refuses a file that is not a spreadsheet, whatever its name", async () => {
    const res = await uploadAs("hr", Buffer.from("%PDF-1.7 giả làm xlsx"));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: "FILE_INVALID", details: { reason: "not_xlsx" } });
  });

  it("keeps managers and hr of other agencies out", async () => {
    const file = await workbook([["", "Ai Đó", "Phòng Kinh tế", "", "", "", "", ""]]);
    expect((await uploadAs("manager", file)).statusCode).toBe(403);
    expect((await uploadAs("hr", file, "so-noi-vu")).statusCode).toBe(403);
  });
});
