import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { FrameworkCriterion as Criterion, Framework } from "@thuocdo/contract";
import { agencyLimits, criterionKinds, limits } from "@thuocdo/contract";
import { Alert, App, Button, Card, Form, Input, InputNumber, Popconfirm, Select, Space } from "antd";
import { useMemo } from "react";
import { useCreateCriterion, useDeleteCriterion, useUpdateCriterion } from "../../api/queries/agency.ts";
import { useUnits } from "../../api/queries/org.ts";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { fold, t } from "../../i18n/index.ts";
import { frameworkIssues } from "../../lib/criteriaTree.ts";
import { optionalText, requiredText } from "../../lib/rules.ts";
import { isAgency } from "../../lib/tree.ts";
import { issueText } from "./frameworkIssueText.ts";

export type CriterionTarget = { mode: "edit"; id: string } | { mode: "new"; parentId: string | null };

interface CriterionFields {
  code: string;
  name: string;
  guidance?: string;
  max: number;
  kind: Criterion["kind"];
  requiredEvidence?: string;
  appraiserUnitId?: string | null;
}

const NEW_ID = "__new__";

/**
 * The side form of the tree editor. As the maximum or the kind changes, the tree's arithmetic is
 * re-checked with the value being typed, so "children 25 of 30" shows before anything is saved.
 */
export function CriterionForm({
  framework: f,
  target,
  editable,
  onDone,
}: {
  framework: Framework;
  target: CriterionTarget;
  editable: boolean;
  onDone: (next: CriterionTarget | null) => void;
}) {
  const [form] = Form.useForm<CriterionFields>();
  const create = useCreateCriterion();
  const update = useUpdateCriterion();
  const remove = useDeleteCriterion();
  const onError = useErrorHandler(form);
  const { message } = App.useApp();
  const { units } = useUnits();
  const current = target.mode === "edit" ? f.criteria.find((c) => c.id === target.id) : undefined;
  const parentId = target.mode === "new" ? target.parentId : (current?.parentId ?? null);
  const parent = parentId ? f.criteria.find((c) => c.id === parentId) : undefined;
  const max = Form.useWatch("max", form);
  const kind = Form.useWatch("kind", form);
  const code = Form.useWatch("code", form);

  const appraisers = useMemo(
    () =>
      units
        .filter((u) => isAgency(u.kind) && u.kind !== "commune")
        .map((u) => ({ value: u.id, label: u.name }))
        .sort((a, b) => a.label.localeCompare(b.label, "vi")),
    [units],
  );

  // The tree as it would be with the values being typed.
  const live = useMemo(() => {
    const typed = {
      id: current?.id ?? NEW_ID,
      parentId,
      sortOrder: current?.sortOrder ?? Number.MAX_SAFE_INTEGER,
      code: code ?? current?.code ?? "",
      max: typeof max === "number" ? max : 0,
      kind: kind ?? current?.kind ?? "scored",
    };
    const others = f.criteria.filter((c) => c.id !== typed.id);
    const issues = frameworkIssues([...others, typed]);
    const related = new Set([typed.id, parentId ?? ""]);
    return issues.filter((i) => i.criterionId === null || related.has(i.criterionId));
  }, [f.criteria, current, parentId, max, kind, code]);
  const codeOf = (id: string) => (id === NEW_ID ? code : f.criteria.find((c) => c.id === id)?.code);

  const submit = (v: CriterionFields) => {
    const body = {
      code: v.code,
      name: v.name,
      guidance: v.guidance ?? null,
      max: v.max,
      kind: v.kind,
      requiredEvidence: v.requiredEvidence ?? null,
      appraiserUnitId: v.appraiserUnitId ?? null,
    };
    if (current)
      update.mutate(
        { id: current.id, body },
        { onSuccess: () => message.success(t("agencyFrameworks.criterionSaved", { code: v.code })), onError },
      );
    else
      create.mutate(
        { id: f.id, body: { ...body, parentId } },
        {
          onSuccess: (next) => {
            message.success(t("agencyFrameworks.criterionAdded", { code: v.code }));
            const added = next.criteria.find((c) => c.code === v.code && c.parentId === parentId);
            onDone(added ? { mode: "edit", id: added.id } : null);
          },
          onError,
        },
      );
  };

  const title = current
    ? t("agencyFrameworks.editCriterion", { code: current.code })
    : parent
      ? t("agencyFrameworks.newChildOf", { code: parent.code })
      : t("agencyFrameworks.newTop");

  return (
    <Card size="small" title={title}>
      <Form<CriterionFields>
        form={form}
        layout="vertical"
        name="criterion"
        disabled={!editable}
        onFinish={submit}
        initialValues={{
          code: current?.code,
          name: current?.name,
          guidance: current?.guidance ?? undefined,
          max: current?.max,
          kind: current?.kind ?? "scored",
          requiredEvidence: current?.requiredEvidence ?? undefined,
          appraiserUnitId: current?.appraiserUnitId ?? null,
        }}
      >
        <Space.Compact block>
          <Form.Item
            name="code"
            label={t("common.code")}
            rules={requiredText(t("common.code"), limits.codeMax)}
            style={{ width: 140 }}
          >
            <Input maxLength={limits.codeMax} />
          </Form.Item>
          <Form.Item
            name="max"
            label={t("agency.max")}
            rules={[
              { required: true, message: t("validation.required", { field: t("agency.max").toLowerCase() }) },
              {
                type: "number",
                min: 0,
                max: agencyLimits.pointsMax,
                message: t("agency.scoreRange", { max: agencyLimits.pointsMax }),
              },
            ]}
            style={{ width: 140, marginInlineStart: 8 }}
          >
            <InputNumber min={0} max={agencyLimits.pointsMax} precision={agencyLimits.decimals} decimalSeparator="," />
          </Form.Item>
        </Space.Compact>
        {live.length > 0 && editable && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="criterion-live-issues"
            title={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {live.map((i) => (
                  <li key={`${i.code}:${i.criterionId ?? ""}`}>{issueText(i, codeOf)}</li>
                ))}
              </ul>
            }
          />
        )}
        <Form.Item
          name="name"
          label={t("agencyFrameworks.criterionName")}
          rules={requiredText(t("agencyFrameworks.criterionName"), agencyLimits.textMax)}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={agencyLimits.textMax} />
        </Form.Item>
        <Form.Item name="kind" label={t("agencyFrameworks.kindLabel")}>
          <Select
            options={criterionKinds.map((k) => ({ value: k, label: t(`agencyKinds.${k}`) }))}
            disabled={!!parentId}
          />
        </Form.Item>
        <Form.Item
          name="guidance"
          label={t("agency.guidance")}
          rules={optionalText(t("agency.guidance"), agencyLimits.textMax)}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={agencyLimits.textMax} />
        </Form.Item>
        <Form.Item
          name="requiredEvidence"
          label={t("agency.requiredEvidence")}
          rules={optionalText(t("agency.requiredEvidence"), agencyLimits.textMax)}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={agencyLimits.textMax} />
        </Form.Item>
        <Form.Item name="appraiserUnitId" label={t("agency.appraiser")} extra={t("agencyFrameworks.appraiserHint")}>
          <Select
            allowClear
            options={appraisers}
            placeholder={t("agencyFrameworks.noAppraiser")}
            showSearch={{ filterOption: (input, o) => fold(String(o?.label ?? "")).includes(fold(input)) }}
          />
        </Form.Item>
        {editable && (
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>
              {current ? t("common.save") : t("agencyFrameworks.add")}
            </Button>
            {current && current.kind === "scored" && (
              <Button icon={<PlusOutlined />} onClick={() => onDone({ mode: "new", parentId: current.id })}>
                {t("agencyFrameworks.addChild")}
              </Button>
            )}
            {current && (
              <Popconfirm
                title={t("agencyFrameworks.deleteConfirm", { code: current.code })}
                onConfirm={() =>
                  remove.mutate(current.id, {
                    onSuccess: () => {
                      message.success(t("common.deleted"));
                      onDone(null);
                    },
                    onError,
                  })
                }
              >
                <Button danger icon={<DeleteOutlined />}>
                  {t("common.delete")}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )}
      </Form>
    </Card>
  );
}
