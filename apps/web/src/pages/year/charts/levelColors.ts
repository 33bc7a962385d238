import type { Level } from "@thuocdo/core";

/** One colour per level on every chart, matching the tags (green, blue, gold, red, grey). */
export const levelFill: Record<Level, string> = {
  excellent: "#389e0d",
  good: "#1677ff",
  completed: "#d48806",
  not_completed: "#cf1322",
  unclassified: "#8c8c8c",
};
