import { Button, Result } from "antd";
import { Link } from "react-router";
import { paths } from "../auth/access.ts";
import { t } from "../i18n/index.ts";

export function NotFoundPage() {
  return (
    <Result
      status="404"
      title={t("system.notFoundTitle")}
      subTitle={t("system.notFoundText")}
      extra={
        <Link to={paths.home}>
          <Button type="primary">{t("common.backHome")}</Button>
        </Link>
      }
    />
  );
}
