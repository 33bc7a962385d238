import { Spin } from "antd";
import { t } from "../i18n/index.ts";

export function PageLoading() {
  return (
    <div className="page-loading" role="status" aria-live="polite">
      <Spin />
      <span>{t("common.loading")}</span>
    </div>
  );
}
