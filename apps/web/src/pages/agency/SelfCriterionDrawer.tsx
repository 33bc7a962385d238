import type { Assessment, CriterionScore, StoredFile } from "@thuocdo/contract";
import { agencyLimits } from "@thuocdo/contract";
import { Alert, App, Button, Descriptions, Drawer, Form, Input, InputNumber, Space, Switch } from "antd";
import { useState } from "react";
import type { BodyOf } from "../../api/client.ts";
import { useSaveSelfScores } from "../../api/queries/agency.ts";
import { FileList } from "../../components/agency/FileList.tsx";
import { FilesUpload } from "../../components/agency/FilesUpload.tsx";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { t } from "../../i18n/index.ts";
import { optionalText } from "../../lib/rules.ts";
import { maxLabel } from "./criteriaColumns.tsx";

type SelfInput = BodyOf<"saveSelfScores">["scores"][number];

/** What the server holds for a criterion, as the body that would save it unchanged. */
export function selfInputOf(c: CriterionScore): SelfInput {
  return {
    criterionId: c.criterionId,
    score: c.self?.score ?? null,
    notApplicable: c.self?.notApplicable ?? false,
    naExplanation: c.self?.naExplanation ?? null,
    note: c.self?.note ?? null,
    fileIds: (c.self?.files ?? []).map((f) => f.id),
  };
}

interface SelfForm {
  score: number | null;
  notApplicable: boolean;
  naExplanation?: string;
  note?: string;
  files: StoredFile[];
}

/**
 * One criterion in full: score, note, evidence files and "not applicable". A criterion declared
 * not applicable needs a written explanation and at least one evidence file (Quảng Nam Art. 4.3);
 * the form says so as soon as the switch is on.
 */
export function SelfCriterionDrawer({
  assessment,
  criterion: c,
  pendingScore,
  onClose,
}: {
  assessment: Assessment;
  criterion: CriterionScore;
  /** A score typed in the table but not saved yet: the drawer starts from it. */
  pendingScore: number | null | undefined;
  onClose: (saved: boolean) => void;
}) {
  const [form] = Form.useForm<SelfForm>();
  const save = useSaveSelfScores();
  const onError = useErrorHandler(form);
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const notApplicable = Form.useWatch("notApplicable", form) ?? c.self?.notApplicable ?? false;
  const editable = assessment.can.selfAssess;
  const canBeNa = c.kind === "scored";

  const submit = (v: SelfForm) => {
    save.mutate(
      {
        id: assessment.id,
        body: {
          scores: [
            {
              criterionId: c.criterionId,
              score: v.notApplicable || !c.isLeaf ? null : (v.score ?? null),
              notApplicable: v.notApplicable,
              naExplanation: v.notApplicable ? (v.naExplanation ?? null) : null,
              note: v.note ?? null,
              fileIds: v.files.map((f) => f.id),
            },
          ],
        },
      },
      {
        onSuccess: () => {
          message.success(t("agencySelf.criterionSaved", { code: c.code }));
          onClose(true);
        },
        onError,
      },
    );
  };

  return (
    <Drawer
      open
      title={t("agencySelf.criterionTitle", { code: c.code })}
      onClose={() => onClose(false)}
      size={560}
      destroyOnHidden
      extra={
        editable && (
          <Space>
            <Button onClick={() => onClose(false)}>{t("common.cancel")}</Button>
            <Button type="primary" onClick={() => form.submit()} loading={save.isPending} disabled={busy}>
              {t("common.save")}
            </Button>
          </Space>
        )
      }
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: "name", label: t("agency.criterion"), children: c.name },
          { key: "max", label: t("agency.max"), children: maxLabel(c) },
          ...(c.guidance ? [{ key: "guidance", label: t("agency.guidance"), children: c.guidance }] : []),
          ...(c.requiredEvidence
            ? [{ key: "evidence", label: t("agency.requiredEvidence"), children: c.requiredEvidence }]
            : []),
          ...(c.appraiserUnitName
            ? [{ key: "appraiser", label: t("agency.appraiser"), children: c.appraiserUnitName }]
            : []),
        ]}
      />
      <Form<SelfForm>
        form={form}
        layout="vertical"
        name="self-criterion"
        disabled={!editable}
        onFinish={submit}
        initialValues={{
          score: pendingScore !== undefined ? pendingScore : (c.self?.score ?? null),
          notApplicable: c.self?.notApplicable ?? false,
          naExplanation: c.self?.naExplanation ?? undefined,
          note: c.self?.note ?? undefined,
          files: c.self?.files ?? [],
        }}
      >
        {canBeNa && (
          <Form.Item
            name="notApplicable"
            label={t("agencySelf.naToggle")}
            valuePropName="checked"
            extra={t("agencySelf.naHint")}
          >
            <Switch />
          </Form.Item>
        )}
        {notApplicable ? (
          <Form.Item
            name="naExplanation"
            label={t("agencySelf.naExplanation")}
            rules={[
              { required: true, whitespace: true, message: t("agencySelf.naExplanationRequired") },
              ...optionalText(t("agencySelf.naExplanation"), agencyLimits.textMax),
            ]}
          >
            <Input.TextArea rows={4} maxLength={agencyLimits.textMax} showCount />
          </Form.Item>
        ) : (
          c.isLeaf && (
            <Form.Item
              name="score"
              label={t("agencySelf.selfScore")}
              rules={[{ type: "number", min: 0, max: c.max, message: t("agency.scoreRange", { max: c.max }) }]}
            >
              <InputNumber min={0} max={c.max} step={0.25} precision={agencyLimits.decimals} decimalSeparator="," />
            </Form.Item>
          )
        )}
        <Form.Item
          name="files"
          label={t("agency.evidence")}
          dependencies={["notApplicable"]}
          rules={[
            {
              validator: (_, files: StoredFile[] | undefined) =>
                form.getFieldValue("notApplicable") && (files?.length ?? 0) === 0
                  ? Promise.reject(new Error(t("agencySelf.naEvidenceRequired")))
                  : Promise.resolve(),
            },
          ]}
        >
          {editable ? (
            <FilesUpload unitId={assessment.agencyId} onBusyChange={setBusy} />
          ) : (
            <FileList assessmentId={assessment.id} files={c.self?.files ?? []} empty={t("agency.noFiles")} />
          )}
        </Form.Item>
        <Form.Item name="note" label={t("agency.note")} rules={optionalText(t("agency.note"), agencyLimits.textMax)}>
          <Input.TextArea rows={3} maxLength={agencyLimits.textMax} />
        </Form.Item>
        {notApplicable && <Alert type="info" showIcon title={t("agencySelf.naRule")} />}
      </Form>
    </Drawer>
  );
}
