import { type Classification, limits } from "@thuocdo/contract";
import { classifiedLevels } from "@thuocdo/core";
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Radio, Select } from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { useUpdateClassification } from "../../api/queries/year.ts";
import { LevelTag } from "../../components/ScoreValue.tsx";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { formatDate, t } from "../../i18n/index.ts";
import { formatRatio } from "../../lib/score.ts";
import { FileField, FileLink } from "./FileField.tsx";

interface Values {
  quotaRate: number;
  grantedBy?: string;
  documentNumber?: string;
  documentDate?: Dayjs;
  documentFileId?: string | null;
  agencyLevel?: (typeof classifiedLevels)[number] | null;
  agencyLevelNote?: string;
}

/**
 * The classification's settings hr may change while it is open: the 20% cap or the 25% exception
 * granted by the competent level (with its document, Art. 20.5.b), and the agency's own level when
 * no agency evaluation gives one (it caps the head's, Art. 20.6).
 */
export function ClassificationSettings({ c, canEdit }: { c: Classification; canEdit: boolean }) {
  const [form] = Form.useForm<Values>();
  const onError = useErrorHandler(form);
  const update = useUpdateClassification();
  const { message } = App.useApp();
  const rate = Form.useWatch("quotaRate", form) ?? c.quotaRate;
  const editable = canEdit && c.status === "open";

  const onFinish = (v: Values) => {
    const exception = v.quotaRate > 0.2;
    update.mutate(
      {
        id: c.id,
        body: {
          version: c.version,
          quotaRate: v.quotaRate,
          rateGrant: exception
            ? {
                grantedBy: v.grantedBy ?? "",
                documentNumber: v.documentNumber ?? "",
                documentDate: v.documentDate?.format("YYYY-MM-DD") ?? "",
                documentFileId: v.documentFileId ?? null,
              }
            : null,
          ...(c.agencyLevelSource !== "agency_evaluation"
            ? { agencyLevel: v.agencyLevel ?? null, agencyLevelNote: v.agencyLevelNote }
            : {}),
        },
      },
      {
        onSuccess: () => message.success(t("common.saved")),
        onError,
      },
    );
  };

  return (
    <Card size="small" title={t("classSettings.title")} style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: editable ? 12 : 0 }}>
        <Descriptions.Item label={t("quota.rate")}>{formatRatio(c.quotaRate)}</Descriptions.Item>
        <Descriptions.Item label={t("quota.reading")}>{t(`quotaReadings.${c.quotaReading}`)}</Descriptions.Item>
        <Descriptions.Item label={t("classSettings.agencyLevel")}>
          {c.agencyLevel ? <LevelTag level={c.agencyLevel} /> : t("classSettings.agencyLevelNone")} (
          {t(`agencyLevelSources.${c.agencyLevelSource}`)})
        </Descriptions.Item>
        {c.rateGrant && (
          <Descriptions.Item label={t("classSettings.grant")} span={3}>
            {t("classSettings.grantText", {
              by: c.rateGrant.grantedBy,
              number: c.rateGrant.documentNumber,
              date: formatDate(c.rateGrant.documentDate),
            })}{" "}
            <FileLink file={c.rateGrant.documentFile} />
          </Descriptions.Item>
        )}
      </Descriptions>
      {editable && (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={{
            quotaRate: c.quotaRate,
            grantedBy: c.rateGrant?.grantedBy,
            documentNumber: c.rateGrant?.documentNumber,
            documentDate: c.rateGrant ? dayjs(c.rateGrant.documentDate) : undefined,
            agencyLevel: c.agencyLevel,
            agencyLevelNote: c.agencyLevelNote ?? undefined,
          }}
        >
          <Form.Item name="quotaRate" label={t("classSettings.rate")}>
            <Radio.Group
              options={[
                { value: 0.2, label: t("classSettings.rate20") },
                { value: 0.25, label: t("classSettings.rate25") },
              ]}
            />
          </Form.Item>
          {rate > 0.2 && (
            <>
              <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t("classSettings.grantHelp")} />
              <Form.Item
                name="grantedBy"
                label={t("classSettings.grantedBy")}
                rules={[{ required: true, whitespace: true, message: t("classSettings.grantedByRequired") }]}
              >
                <Input maxLength={limits.nameMax} />
              </Form.Item>
              <Form.Item
                name="documentNumber"
                label={t("yearForms.documentNumber")}
                rules={[{ required: true, whitespace: true, message: t("yearForms.documentNumberRequired") }]}
              >
                <Input maxLength={limits.codeMax} />
              </Form.Item>
              <Form.Item
                name="documentDate"
                label={t("yearForms.documentDate")}
                rules={[{ required: true, message: t("yearForms.dateRequired") }]}
              >
                <DatePicker format="DD/MM/YYYY" />
              </Form.Item>
              <Form.Item name="documentFileId" label={t("yearForms.file")}>
                <FileField unitId={c.agencyId} />
              </Form.Item>
            </>
          )}
          {c.agencyLevelSource !== "agency_evaluation" && (
            <>
              <Form.Item
                name="agencyLevel"
                label={t("classSettings.agencyLevelManual")}
                extra={t("classSettings.agencyLevelHelp")}
              >
                <Select
                  allowClear
                  options={classifiedLevels.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
                  style={{ maxWidth: 320 }}
                />
              </Form.Item>
              <Form.Item name="agencyLevelNote" label={t("work.note")}>
                <Input maxLength={limits.noteMax} />
              </Form.Item>
            </>
          )}
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t("common.save")}
          </Button>
        </Form>
      )}
    </Card>
  );
}
