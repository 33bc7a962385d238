import { limits } from "@thuocdo/contract";
import { Alert, App, Button, Card, Form, Input, Typography } from "antd";
import { useNavigate } from "react-router";
import { errorMessage, isApiError } from "../api/errors.ts";
import { useChangePassword, useSession } from "../api/queries/auth.ts";
import { paths } from "../auth/access.ts";
import { useErrorHandler } from "../components/useErrorHandler.ts";
import { t } from "../i18n/index.ts";
import { passwordRules } from "../lib/rules.ts";

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordPage() {
  const [form] = Form.useForm<PasswordForm>();
  const change = useChangePassword();
  const session = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onError = useErrorHandler(form);

  const onFinish = (v: PasswordForm) =>
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          message.success(t("auth.passwordChanged"));
          form.resetFields();
          navigate(paths.home);
        },
        onError: (e) => {
          if (isApiError(e, "WRONG_PASSWORD")) form.setFields([{ name: "currentPassword", errors: [errorMessage(e)] }]);
          else onError(e);
        },
      },
    );

  return (
    <Card title={t("auth.changePasswordTitle")} style={{ maxWidth: 520 }}>
      {session.data?.user.mustChangePassword && (
        <Alert type="warning" showIcon title={t("auth.mustChangePassword")} style={{ marginBottom: 16 }} />
      )}
      <Typography.Paragraph type="secondary">
        {t("auth.passwordPolicy", { min: limits.passwordMin })}
      </Typography.Paragraph>
      <Form<PasswordForm> form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          label={t("auth.currentPassword")}
          name="currentPassword"
          rules={[{ required: true, message: t("auth.passwordRequired") }]}
        >
          <Input.Password autoComplete="current-password" maxLength={limits.passwordMax} />
        </Form.Item>
        <Form.Item
          label={t("auth.newPassword")}
          name="newPassword"
          dependencies={["currentPassword"]}
          rules={[
            ...passwordRules(t("auth.newPassword")),
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                value && value === getFieldValue("currentPassword")
                  ? Promise.reject(new Error(t("auth.sameAsCurrent")))
                  : Promise.resolve(),
            }),
          ]}
          hasFeedback
        >
          <Input.Password autoComplete="new-password" maxLength={limits.passwordMax} />
        </Form.Item>
        <Form.Item
          label={t("auth.confirmPassword")}
          name="confirm"
          dependencies={["newPassword"]}
          hasFeedback
          rules={[
            { required: true, message: t("validation.required", { field: t("auth.confirmPassword").toLowerCase() }) },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue("newPassword")
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("auth.passwordsDiffer"))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={limits.passwordMax} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t("common.save")}
        </Button>
      </Form>
    </Card>
  );
}
