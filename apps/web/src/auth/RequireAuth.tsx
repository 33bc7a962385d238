import type { Role } from "@thuocdo/contract";
import { Button, Result } from "antd";
import type { ReactNode } from "react";
import { Link, Navigate, useLocation } from "react-router";
import { errorMessage } from "../api/errors.ts";
import { useSession } from "../api/queries/auth.ts";
import { PageLoading } from "../components/PageLoading.tsx";
import { t } from "../i18n/index.ts";
import { hasAnyRole, paths } from "./access.ts";

/** Only signed-in users pass; others go to the login page and come back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageLoading />;
  if (session.isError) {
    return (
      <Result
        status="error"
        title={errorMessage(session.error)}
        extra={
          <Button type="primary" onClick={() => session.refetch()}>
            {t("common.reload")}
          </Button>
        }
      />
    );
  }
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    const query = next === paths.home ? "" : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`${paths.login}${query}`} replace />;
  }
  if (session.data.user.mustChangePassword && location.pathname !== paths.changePassword) {
    return <Navigate to={paths.changePassword} replace />;
  }
  return children;
}

/** A screen reserved to some roles; others see why they cannot open it. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const session = useSession();
  if (hasAnyRole(session.data, roles)) return children;
  return (
    <Result
      status="403"
      title={t("system.forbiddenTitle")}
      subTitle={t("system.forbiddenText", { roles: roles.map((r) => t(`roles.${r}`)).join(", ") })}
      extra={
        <Link to={paths.home}>
          <Button type="primary">{t("common.backHome")}</Button>
        </Link>
      }
    />
  );
}
