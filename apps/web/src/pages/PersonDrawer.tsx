import { type LeaderRole, leaderRoles, limits, type Person } from "@thuocdo/contract";
import { App, Button, Drawer, Form, Input, Radio, Select, Space, Switch } from "antd";
import { useEffect } from "react";
import { usePositions, useUnits } from "../api/queries/org.ts";
import { useCreatePerson, useUpdatePerson } from "../api/queries/people.ts";
import { UnitTreeSelect } from "../components/UnitPickers.tsx";
import { useErrorHandler } from "../components/useErrorHandler.ts";
import { fold, t } from "../i18n/index.ts";
import { emailRules, optionalText, phoneRules, requiredSelect, requiredText } from "../lib/rules.ts";
import { agencyOf } from "../lib/tree.ts";

interface PersonForm {
  fullName: string;
  employeeCode?: string | null;
  unitId?: string;
  positionId?: string | null;
  leaderRole: LeaderRole;
  title?: string | null;
  email?: string | null;
  phone?: string | null;
  active: boolean;
}

const leaderOrder: LeaderRole[] = ["head", "deputy", "none"];

/** Add, edit or (read-only roles) view one civil servant. */
export function PersonDrawer({
  person,
  readOnly,
  onClose,
}: {
  person: Person | null;
  readOnly: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<PersonForm>();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const onError = useErrorHandler(form);
  const { message } = App.useApp();
  const { byId } = useUnits();
  const unitId = Form.useWatch("unitId", form);
  const agencyId = unitId ? agencyOf(unitId, byId)?.id : undefined;
  const positions = usePositions(agencyId, { enabled: !!agencyId });

  // A position belongs to one agency: moving the person to another agency clears it.
  useEffect(() => {
    const current = form.getFieldValue("positionId") as string | null | undefined;
    if (current && positions.data && !positions.data.some((p) => p.id === current))
      form.setFieldValue("positionId", null);
  }, [positions.data, form]);

  const submit = (v: PersonForm) => {
    const body = {
      fullName: v.fullName,
      employeeCode: v.employeeCode || null,
      unitId: v.unitId ?? "",
      positionId: v.positionId ?? null,
      leaderRole: v.leaderRole,
      title: v.title || null,
      email: v.email || null,
      phone: v.phone || null,
    };
    if (person)
      update.mutate(
        { id: person.id, body: { ...body, version: person.version, active: v.active } },
        {
          onSuccess: () => {
            message.success(t("common.saved"));
            onClose();
          },
          onError,
        },
      );
    else
      create.mutate(body, {
        onSuccess: (p) => {
          message.success(t("people.created", { name: p.fullName }));
          onClose();
        },
        onError,
      });
  };

  const title = readOnly ? t("people.view") : person ? t("people.edit") : t("people.add");
  return (
    <Drawer
      open
      title={title}
      onClose={onClose}
      size={520}
      destroyOnHidden
      extra={
        !readOnly && (
          <Space>
            <Button onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="primary" onClick={() => form.submit()} loading={create.isPending || update.isPending}>
              {t("common.save")}
            </Button>
          </Space>
        )
      }
    >
      <Form<PersonForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={readOnly}
        name="person"
        initialValues={
          person
            ? { ...person }
            : { leaderRole: "none", active: true, fullName: "", employeeCode: null, positionId: null }
        }
      >
        <Form.Item label={t("people.fullName")} name="fullName" rules={requiredText(t("people.fullName"))}>
          <Input placeholder={t("people.fullNamePlaceholder")} maxLength={limits.nameMax} autoFocus />
        </Form.Item>
        <Form.Item
          label={t("people.employeeCode")}
          name="employeeCode"
          rules={optionalText(t("people.employeeCode"), limits.codeMax)}
        >
          <Input maxLength={limits.codeMax} />
        </Form.Item>
        <Form.Item label={t("people.unit")} name="unitId" rules={requiredSelect(t("people.unit"))}>
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item label={t("people.position")} name="positionId" extra={t("people.positionHint")}>
          <Select
            allowClear
            disabled={readOnly || !agencyId}
            placeholder={agencyId ? undefined : t("people.pickUnitFirst")}
            loading={positions.isFetching}
            options={(positions.data ?? []).map((p) => ({ value: p.id, label: `${p.code} — ${p.name}` }))}
            showSearch={{ filterOption: (input, o) => fold(String(o?.label ?? "")).includes(fold(input)) }}
          />
        </Form.Item>
        <Form.Item label={t("people.leaderRole")} name="leaderRole">
          <Radio.Group
            options={leaderOrder
              .filter((r) => leaderRoles.includes(r))
              .map((r) => ({ value: r, label: t(`leaderRoles.${r}`) }))}
          />
        </Form.Item>
        <Form.Item label={t("people.jobTitle")} name="title" rules={optionalText(t("people.jobTitle"))}>
          <Input placeholder={t("people.jobTitlePlaceholder")} maxLength={limits.nameMax} />
        </Form.Item>
        <Form.Item label={t("people.email")} name="email" rules={emailRules}>
          <Input type="email" autoComplete="off" maxLength={limits.nameMax} />
        </Form.Item>
        <Form.Item label={t("people.phone")} name="phone" rules={phoneRules}>
          <Input type="tel" autoComplete="off" maxLength={20} />
        </Form.Item>
        {person && (
          <Form.Item label={t("people.activeLabel")} name="active" valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
