import { define } from "../endpoint.ts";
import { yearClassificationEndpoints } from "./classification-endpoints.ts";
import { yearRecordEndpoints } from "./record-endpoints.ts";
import { yearReportEndpoints } from "./report-endpoints.ts";

/* ───────────── Endpoints ───────────── */

export const yearEndpoints = define({
  ...yearRecordEndpoints,
  ...yearClassificationEndpoints,
  ...yearReportEndpoints,
});
