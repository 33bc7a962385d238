import { define } from "../endpoint.ts";
import { assessmentEndpoints } from "./assessment-endpoints.ts";
import { cycleEndpoints } from "./cycle-endpoints.ts";
import { frameworkEndpoints } from "./framework-endpoints.ts";
import { agencyReportEndpoints } from "./report-endpoints.ts";

/* ───────────── Endpoints ───────────── */

export const agencyEndpoints = define({
  ...frameworkEndpoints,
  ...cycleEndpoints,
  ...assessmentEndpoints,
  ...agencyReportEndpoints,
});
