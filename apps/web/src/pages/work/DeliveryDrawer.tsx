import { PaperClipOutlined } from "@ant-design/icons";
import { type Assignment, fileLimits, limits, type StoredFile } from "@thuocdo/contract";
import { countDelays, defaultRuleSet, ruleSetById } from "@thuocdo/core";
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Space,
  Upload,
  type UploadFile,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { errorMessage } from "../../api/errors.ts";
import { useCreateDelivery, useUploadEvidence } from "../../api/queries/work.ts";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { formatBytes, formatDate, t } from "../../i18n/index.ts";
import { optionalText } from "../../lib/rules.ts";
import { formatQuantity } from "../../lib/score.ts";
import { daysLate, deadlineInForce, pickerFormat, toIsoDate } from "../../lib/workDates.ts";

interface DeliveryForm {
  quantity: number;
  deliveredOn: Dayjs;
  documentNumber?: string;
  link?: string;
  note?: string;
}

const acceptedExtensions = fileLimits.accept.split(",");

/** The browser's first check of an evidence file (the server sniffs the content again). */
export function evidenceIssue(file: { name: string; size: number }): string | null {
  const dot = file.name.lastIndexOf(".");
  const ext = dot >= 0 ? file.name.slice(dot).toLowerCase() : "";
  if (!acceptedExtensions.includes(ext)) return t("delivery.fileWrongType", { name: file.name });
  if (file.size > fileLimits.maxBytes)
    return t("delivery.fileTooLarge", { name: file.name, size: formatBytes(fileLimits.maxBytes) });
  return null;
}

/** Every deadline the line had, in order: the original, then each extension (Art. 14.2.c). */
export function deadlinesOf(a: Pick<Assignment, "deadline" | "events">): string[] {
  const extensions = a.events.filter((e) => e.kind === "extension" && e.newDeadline).map((e) => e.newDeadline ?? "");
  return [...(a.deadline ? [a.deadline] : []), ...extensions];
}

/**
 * Record one delivery against an assigned product: quantity, date, document number or link, and
 * evidence files. Picking a date after the deadline shows the delay at once, counted by the core's
 * rule (one per missed deadline).
 */
export function DeliveryDrawer({
  assignment,
  ruleSetVersion,
  onClose,
}: {
  assignment: Assignment;
  ruleSetVersion: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm<DeliveryForm>();
  const create = useCreateDelivery();
  const uploadEvidence = useUploadEvidence();
  const onError = useErrorHandler(form);
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile<StoredFile>[]>([]);
  const [evidenceMissing, setEvidenceMissing] = useState(false);
  const deliveredOn = Form.useWatch("deliveredOn", form);

  const deadline = deadlineInForce(assignment);
  const iso = deliveredOn ? toIsoDate(deliveredOn) : null;
  const late = iso ? daysLate(deadline, iso) : 0;
  const found = ruleSetById(ruleSetVersion);
  const delays = iso ? countDelays(found.ok ? found.value : defaultRuleSet, deadlinesOf(assignment), iso) : 0;
  const uploading = files.some((f) => f.status === "uploading");

  const submit = (v: DeliveryForm) => {
    const fileIds = files.flatMap((f) => (f.status === "done" && f.response ? [f.response.id] : []));
    if (fileIds.length === 0 && !v.documentNumber?.trim() && !v.link?.trim()) {
      setEvidenceMissing(true);
      return;
    }
    create.mutate(
      {
        id: assignment.id,
        body: {
          quantity: v.quantity,
          deliveredOn: toIsoDate(v.deliveredOn),
          documentNumber: v.documentNumber || null,
          link: v.link || null,
          note: v.note || null,
          fileIds,
        },
      },
      {
        onSuccess: (d) => {
          if (d.daysLate > 0) message.warning(t("delivery.savedLate", { days: d.daysLate, delays: d.delays }));
          else message.success(t("delivery.saved"));
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <Drawer
      open
      title={t("delivery.title")}
      onClose={onClose}
      size={560}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" onClick={() => form.submit()} loading={create.isPending} disabled={uploading}>
            {t("delivery.save")}
          </Button>
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          { key: "item", label: t("work.product"), children: `${assignment.itemCode} — ${assignment.itemName}` },
          {
            key: "qty",
            label: t("delivery.remaining"),
            children: t("delivery.remainingOf", {
              remaining: formatQuantity(assignment.remainingQuantity),
              quantity: formatQuantity(assignment.quantity),
            }),
          },
          { key: "deadline", label: t("work.deadline"), children: deadline ? formatDate(deadline) : t("common.none") },
        ]}
      />
      <Form<DeliveryForm>
        form={form}
        layout="vertical"
        name="delivery"
        onFinish={submit}
        onValuesChange={() => setEvidenceMissing(false)}
        initialValues={{ quantity: Math.min(1, assignment.remainingQuantity) || undefined, deliveredOn: dayjs() }}
      >
        <Form.Item
          label={t("delivery.quantity")}
          name="quantity"
          rules={[
            { required: true, message: t("validation.required", { field: t("delivery.quantity").toLowerCase() }) },
            {
              type: "number",
              min: 0.0001,
              max: assignment.remainingQuantity,
              message: t("delivery.quantityRange", { max: formatQuantity(assignment.remainingQuantity) }),
            },
          ]}
        >
          <InputNumber
            min={0}
            max={assignment.remainingQuantity}
            precision={4}
            decimalSeparator=","
            style={{ width: 160 }}
          />
        </Form.Item>
        <Form.Item
          label={t("delivery.deliveredOn")}
          name="deliveredOn"
          rules={[
            {
              required: true,
              message: t("validation.requiredSelect", { field: t("delivery.deliveredOn").toLowerCase() }),
            },
          ]}
        >
          <DatePicker format={pickerFormat} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), "day")} />
        </Form.Item>
        {late > 0 && (
          <Alert
            type="warning"
            showIcon
            data-testid="delivery-late"
            style={{ marginBottom: 16 }}
            title={t("delivery.lateNow", { days: late, deadline: formatDate(deadline) })}
            description={t("delivery.lateRule", { delays })}
          />
        )}
        <Form.Item
          label={t("delivery.documentNumber")}
          name="documentNumber"
          rules={optionalText(t("delivery.documentNumber"), limits.codeMax * 2)}
        >
          <Input maxLength={limits.codeMax * 2} placeholder={t("delivery.documentNumberPlaceholder")} />
        </Form.Item>
        <Form.Item
          label={t("delivery.link")}
          name="link"
          rules={[{ type: "url", message: t("delivery.linkInvalid") }, ...optionalText(t("delivery.link"), 1000)]}
        >
          <Input type="url" maxLength={1000} placeholder="https://" />
        </Form.Item>
        <Form.Item
          label={t("delivery.files")}
          extra={t("delivery.filesHint", { size: formatBytes(fileLimits.maxBytes) })}
        >
          <Upload<StoredFile>
            multiple
            accept={fileLimits.accept}
            fileList={files}
            maxCount={20}
            beforeUpload={(file) => {
              const issue = evidenceIssue(file);
              if (issue) {
                message.error(issue);
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            customRequest={({ file, onSuccess, onError: failed }) => {
              uploadEvidence
                .mutateAsync({ unitId: assignment.unitId, file: file as File })
                .then((stored) => onSuccess?.(stored))
                .catch((e: unknown) => {
                  message.error(errorMessage(e));
                  failed?.(e instanceof Error ? e : new Error(String(e)));
                });
            }}
            onChange={({ fileList }) => {
              setEvidenceMissing(false);
              setFiles(fileList.filter((f) => f.status !== "error"));
            }}
          >
            <Button icon={<PaperClipOutlined />}>{t("delivery.pickFiles")}</Button>
          </Upload>
        </Form.Item>
        {evidenceMissing && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t("delivery.evidenceRequired")} />
        )}
        <Form.Item label={t("work.note")} name="note" rules={optionalText(t("work.note"), limits.noteMax)}>
          <Input.TextArea rows={2} maxLength={limits.noteMax} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
