import type { FrameworkSummary } from "@thuocdo/contract";
import { frameworkRuleChoices, limits } from "@thuocdo/contract";
import { App, Form, Input, InputNumber, Modal, Select } from "antd";
import { useCreateFramework, useFrameworks } from "../../api/queries/agency.ts";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { t } from "../../i18n/index.ts";
import { requiredSelect, requiredText } from "../../lib/rules.ts";

interface CreateForm {
  year: number;
  name: string;
  groupName: string;
  rules: FrameworkSummary["rules"];
  copyFromId?: string;
}

/** A new framework for a year and a group, empty or copied from a template or an earlier framework. */
export function CreateFrameworkModal({
  template,
  onClose,
}: {
  template: FrameworkSummary | null;
  onClose: (createdId?: string) => void;
}) {
  const [form] = Form.useForm<CreateForm>();
  const create = useCreateFramework();
  const onError = useErrorHandler(form);
  const { message } = App.useApp();
  const sources = useFrameworks({ sort: "year", order: "desc", page: 1, pageSize: 200 });
  const year = new Date().getFullYear();

  const submit = (v: CreateForm) =>
    create.mutate(
      {
        year: v.year,
        name: v.name,
        groupName: v.groupName,
        rules: v.rules,
        quotaRate: 0.2,
        exceptionRate: 0.25,
        exceptionGranted: false,
        copyFromId: v.copyFromId ?? null,
      },
      {
        onSuccess: (f) => {
          message.success(t("agencyFrameworks.created", { name: f.name }));
          onClose(f.id);
        },
        onError,
      },
    );

  return (
    <Modal
      open
      title={template ? t("agencyFrameworks.createFrom", { name: template.name }) : t("agencyFrameworks.create")}
      okText={t("agencyFrameworks.createOk")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<CreateForm>
        form={form}
        layout="vertical"
        name="create-framework"
        onFinish={submit}
        initialValues={{
          year: template?.year ?? year,
          name: template ? `${template.name} (${year})` : undefined,
          groupName: template?.groupName,
          rules: template?.rules ?? "nd335",
          copyFromId: template?.id,
        }}
      >
        <Form.Item name="year" label={t("agencyFrameworks.year")} rules={requiredSelect(t("agencyFrameworks.year"))}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="name" label={t("agencyFrameworks.name")} rules={requiredText(t("agencyFrameworks.name"))}>
          <Input maxLength={limits.nameMax} />
        </Form.Item>
        <Form.Item
          name="groupName"
          label={t("agencyFrameworks.group")}
          rules={requiredText(t("agencyFrameworks.group"))}
          extra={t("agencyFrameworks.groupHint")}
        >
          <Input maxLength={limits.nameMax} />
        </Form.Item>
        <Form.Item name="rules" label={t("agencyFrameworks.rules")} rules={requiredSelect(t("agencyFrameworks.rules"))}>
          <Select options={frameworkRuleChoices.map((r) => ({ value: r, label: t(`agencyRuleNames.${r}`) }))} />
        </Form.Item>
        <Form.Item name="copyFromId" label={t("agencyFrameworks.copyFrom")} extra={t("agencyFrameworks.copyFromHint")}>
          <Select
            allowClear
            loading={sources.isPending}
            options={(sources.data?.items ?? []).map((f) => ({
              value: f.id,
              label: `${f.year} · ${f.name}${f.isTemplate ? ` — ${t("agencyFrameworks.templateTag")}` : ""}`,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
