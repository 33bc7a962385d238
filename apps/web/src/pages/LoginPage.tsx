import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { limits } from "@thuocdo/contract";
import { Alert, Button, Form, Input } from "antd";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { errorMessage } from "../api/errors.ts";
import { useLogin, useSession } from "../api/queries/auth.ts";
import { safeNext } from "../auth/access.ts";
import { t } from "../i18n/index.ts";

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const session = useSession();
  const login = useLogin();
  const navigate = useNavigate();

  if (session.data) return <Navigate to={next} replace />;

  const onFinish = (values: LoginForm) =>
    login.mutate(
      { username: values.username.trim(), password: values.password },
      { onSuccess: () => navigate(next, { replace: true }) },
    );

  return (
    <main className="login-screen">
      <section className="login-card" aria-labelledby="login-title">
        {/* Plain elements, not antd Typography: it would add ~40 kB gzip to the first screen. */}
        <h1 className="login-brand">{t("common.appName")}</h1>
        <p className="login-tagline">{t("common.appTagline")}</p>
        <h2 className="login-title" id="login-title">
          {t("auth.loginTitle")}
        </h2>
        {params.has("next") && !login.isError && (
          <Alert type="info" showIcon title={t("system.sessionExpired")} style={{ marginBottom: 16 }} />
        )}
        {login.isError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t("auth.loginFailed")}
            description={errorMessage(login.error)}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        <Form<LoginForm> layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
          <Form.Item
            label={t("auth.username")}
            name="username"
            rules={[
              { required: true, whitespace: true, message: t("auth.usernameRequired") },
              {
                max: limits.usernameMax,
                message: t("validation.tooLong", { field: t("auth.username"), max: limits.usernameMax }),
              },
            ]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoCapitalize="none"
              autoFocus
              size="large"
              maxLength={limits.usernameMax}
            />
          </Form.Item>
          <Form.Item
            label={t("auth.password")}
            name="password"
            rules={[{ required: true, message: t("auth.passwordRequired") }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              size="large"
              maxLength={limits.passwordMax}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
            {login.isPending ? t("auth.loggingIn") : t("auth.loginButton")}
          </Button>
        </Form>
      </section>
    </main>
  );
}
