import { classifiedLevels, levels } from "@thuocdo/core";
import { z } from "zod";

export const levelSchema = z.enum(levels);
export const classifiedLevelSchema = z.enum(classifiedLevels);

/** Official names of the levels (Decree 335 Art. 20; Mẫu 02), for reports and notices. */
export const levelNames: Record<(typeof levels)[number], string> = {
  excellent: "Hoàn thành xuất sắc nhiệm vụ",
  good: "Hoàn thành tốt nhiệm vụ",
  completed: "Hoàn thành nhiệm vụ",
  not_completed: "Không hoàn thành nhiệm vụ",
  unclassified: "Không xếp loại",
};
