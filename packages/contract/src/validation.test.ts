import { describe, expect, it } from "vitest";
import { createOrgUnitBody, createUserBody } from "./index.ts";
import { foldVietnamese } from "./validation.ts";

describe("Vietnamese validation messages (installed as zod's error map)", () => {
  it.each([
    [{ parentId: "a", kind: "division", name: "" }, ["name"], "Không được để trống."],
    [{ parentId: "a", kind: "division", name: "x".repeat(201) }, ["name"], "Tối đa 200 ký tự."],
    [{ parentId: "a", kind: "phong", name: "x" }, ["kind"], "Giá trị không nằm trong danh sách cho phép."],
    [{ kind: "division", name: "x" }, ["parentId"], "Trường này là bắt buộc."],
    [{ parentId: "a", kind: "division", name: 5 }, ["name"], "Sai kiểu dữ liệu: cần chuỗi ký tự."],
  ])("%j → %j: %s", (input, path, message) => {
    const result = createOrgUnitBody.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((i) => i.path.join() === path.join())?.message).toBe(message);
  });

  it("explains the password policy and username shape", () => {
    const result = createUserBody.safeParse({ username: "Có dấu", displayName: "X", password: "abcdefgh" });
    const messages = result.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toEqual([
      "username: Giá trị không đúng định dạng.",
      "password: Mật khẩu cần ít nhất 8 ký tự, gồm cả chữ và số.",
    ]);
  });
});

describe("foldVietnamese", () => {
  it.each([
    ["Nguyễn Văn Đức", "nguyen van duc"],
    ["ĐỖ  MINH   TUẤN", "do minh tuan"],
    ["Phòng Văn hóa – Xã hội", "phong van hoa – xa hoi"],
    ["Trịnh Đăng Cường", "trinh dang cuong"],
  ])("%s → %s", (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });
});
