import { CheckOutlined, CloseOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { type Assignment, type Delivery, limits } from "@thuocdo/contract";
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Radio, Space } from "antd";
import type { Dayjs } from "dayjs";
import { type ReactNode, useState } from "react";
import { isApiError } from "../../api/errors.ts";
import {
  useDeleteAssignment,
  useExcuseDelivery,
  useExtendDeadline,
  useHandBack,
  useReviewDelivery,
} from "../../api/queries/work.ts";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { t } from "../../i18n/index.ts";
import { requiredSelect, requiredText } from "../../lib/rules.ts";
import { formatQuantity } from "../../lib/score.ts";
import { deadlineInForce, fromIsoDate, pickerFormat, toIsoDate } from "../../lib/workDates.ts";

/**
 * A small form in a dialog: the reviewer's fail note, an objective-cause excuse, an extension,
 * a hand-back. The caller closes it when the change is saved.
 */
function ActionModal<V extends object>({
  title,
  okText,
  pending,
  onCancel,
  onSubmit,
  initialValues,
  children,
  danger,
}: {
  title: string;
  okText: string;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (values: V) => void;
  initialValues?: Partial<V>;
  children: ReactNode;
  danger?: boolean;
}) {
  const [form] = Form.useForm<V>();
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: pending, danger }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form<V>
        form={form}
        layout="vertical"
        onFinish={onSubmit}
        initialValues={initialValues as never}
        name="work-action"
      >
        {children}
      </Form>
    </Modal>
  );
}

/** A rejected change keeps the dialog (and what was typed) open, except a conflict: reload first. */
function keepOpenUnlessConflict(report: (e: unknown) => void, close: () => void) {
  return (e: unknown) => {
    if (isApiError(e, "CONFLICT")) close();
    report(e);
  };
}

type DeliveryDialog = "fail" | "excuse" | null;

/** Pass, fail (with the major content error noted), or excuse a failure or delay as objective. */
export function DeliveryReviewActions({ delivery, locked }: { delivery: Delivery; locked: boolean }) {
  const review = useReviewDelivery();
  const excuse = useExcuseDelivery();
  const onError = useErrorHandler();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<DeliveryDialog>(null);
  const canExcuseFailure = delivery.failedReviews > delivery.excusedFailedReviews;
  const canExcuseDelay = delivery.delays > delivery.excusedDelays;
  if (locked) return null;

  const pass = () =>
    review.mutate(
      { id: delivery.id, body: { outcome: "pass", version: delivery.version } },
      { onSuccess: () => message.success(t("review.passed")), onError },
    );

  return (
    <Space wrap size={4}>
      {delivery.reviewStatus === "pending" && (
        <Popconfirm
          title={t("review.passConfirm")}
          okText={t("review.pass")}
          cancelText={t("common.cancel")}
          onConfirm={pass}
        >
          <Button size="small" icon={<CheckOutlined />} loading={review.isPending}>
            {t("review.pass")}
          </Button>
        </Popconfirm>
      )}
      {delivery.reviewStatus !== "failed" && (
        <Button size="small" danger icon={<CloseOutlined />} onClick={() => setDialog("fail")}>
          {t("review.fail")}
        </Button>
      )}
      {delivery.reviewStatus === "failed" && (
        <Popconfirm
          title={t("review.passAfterFix")}
          okText={t("review.pass")}
          cancelText={t("common.cancel")}
          onConfirm={pass}
        >
          <Button size="small" icon={<CheckOutlined />}>
            {t("review.passFixed")}
          </Button>
        </Popconfirm>
      )}
      {(canExcuseFailure || canExcuseDelay) && (
        <Button size="small" icon={<SafetyCertificateOutlined />} onClick={() => setDialog("excuse")}>
          {t("review.excuse")}
        </Button>
      )}
      {dialog === "fail" && (
        <ActionModal<{ note: string }>
          title={t("review.failTitle")}
          okText={t("review.fail")}
          danger
          pending={review.isPending}
          onCancel={() => setDialog(null)}
          onSubmit={(v) =>
            review.mutate(
              { id: delivery.id, body: { outcome: "fail", version: delivery.version, note: v.note } },
              {
                onSuccess: () => {
                  message.success(t("review.failed"));
                  setDialog(null);
                },
                onError: keepOpenUnlessConflict(onError, () => setDialog(null)),
              },
            )
          }
        >
          <Form.Item
            label={t("review.failNote")}
            name="note"
            rules={requiredText(t("review.failNote"), limits.noteMax)}
            extra={t("review.failHint")}
          >
            <Input.TextArea rows={3} maxLength={limits.noteMax} autoFocus />
          </Form.Item>
        </ActionModal>
      )}
      {dialog === "excuse" && (
        <ActionModal<{ kind: "failure" | "delay"; confirmedBy: string; reason: string }>
          title={t("review.excuseTitle")}
          okText={t("review.excuseOk")}
          pending={excuse.isPending}
          initialValues={{ kind: canExcuseDelay ? "delay" : "failure" }}
          onCancel={() => setDialog(null)}
          onSubmit={(v) =>
            excuse.mutate(
              { id: delivery.id, body: { version: delivery.version, ...v } },
              {
                onSuccess: () => {
                  message.success(t("review.excused"));
                  setDialog(null);
                },
                onError: keepOpenUnlessConflict(onError, () => setDialog(null)),
              },
            )
          }
        >
          <Form.Item label={t("review.excuseKind")} name="kind" rules={requiredSelect(t("review.excuseKind"))}>
            <Radio.Group
              options={[
                { value: "failure", label: t("review.excuseFailure"), disabled: !canExcuseFailure },
                { value: "delay", label: t("review.excuseDelay"), disabled: !canExcuseDelay },
              ]}
            />
          </Form.Item>
          <Form.Item
            label={t("review.confirmedBy")}
            name="confirmedBy"
            rules={requiredText(t("review.confirmedBy"))}
            extra={t("review.confirmedByHint")}
          >
            <Input maxLength={limits.nameMax} />
          </Form.Item>
          <Form.Item
            label={t("review.excuseReason")}
            name="reason"
            rules={requiredText(t("review.excuseReason"), limits.noteMax)}
          >
            <Input.TextArea rows={3} maxLength={limits.noteMax} />
          </Form.Item>
        </ActionModal>
      )}
    </Space>
  );
}

type AssignmentDialog = "extend" | "handBack" | null;

/** Extend a deadline, take units back (they stay in A, not done), or delete a line with no delivery. */
export function AssignmentManagerActions({ assignment, locked }: { assignment: Assignment; locked: boolean }) {
  const extend = useExtendDeadline();
  const handBack = useHandBack();
  const remove = useDeleteAssignment();
  const onError = useErrorHandler();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<AssignmentDialog>(null);
  if (locked) return null;
  const current = deadlineInForce(assignment);
  const closeOn = (text: string) => ({
    onSuccess: () => {
      message.success(text);
      setDialog(null);
    },
    onError: keepOpenUnlessConflict(onError, () => setDialog(null)),
  });

  return (
    <Space wrap size={4}>
      {assignment.remainingQuantity > 0 && (
        <>
          <Button size="small" onClick={() => setDialog("extend")}>
            {t("review.extend")}
          </Button>
          <Button size="small" onClick={() => setDialog("handBack")}>
            {t("review.handBack")}
          </Button>
        </>
      )}
      {assignment.deliveries.length === 0 && (
        <Popconfirm
          title={t("common.confirmDelete", { name: `${assignment.itemCode} — ${assignment.personName}` })}
          okText={t("common.delete")}
          cancelText={t("common.cancel")}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            remove.mutate(assignment.id, { onSuccess: () => message.success(t("common.deleted")), onError })
          }
        >
          <Button size="small" danger>
            {t("common.delete")}
          </Button>
        </Popconfirm>
      )}
      {dialog === "extend" && (
        <ActionModal<{ newDeadline: Dayjs; reason: string }>
          title={t("review.extendTitle")}
          okText={t("review.extend")}
          pending={extend.isPending}
          initialValues={{ newDeadline: fromIsoDate(current) }}
          onCancel={() => setDialog(null)}
          onSubmit={(v) =>
            extend.mutate(
              {
                id: assignment.id,
                body: { version: assignment.version, newDeadline: toIsoDate(v.newDeadline), reason: v.reason },
              },
              closeOn(t("review.extended")),
            )
          }
        >
          <Form.Item
            label={t("review.newDeadline")}
            name="newDeadline"
            rules={requiredSelect(t("review.newDeadline"))}
            extra={t("review.extendHint")}
          >
            <DatePicker
              format={pickerFormat}
              disabledDate={(d) => !!current && toIsoDate(d) <= current}
              allowClear={false}
            />
          </Form.Item>
          <Form.Item
            label={t("review.extendReason")}
            name="reason"
            rules={requiredText(t("review.extendReason"), limits.noteMax)}
          >
            <Input.TextArea rows={2} maxLength={limits.noteMax} />
          </Form.Item>
        </ActionModal>
      )}
      {dialog === "handBack" && (
        <ActionModal<{ quantity: number; reason: string }>
          title={t("review.handBackTitle")}
          okText={t("review.handBack")}
          pending={handBack.isPending}
          initialValues={{ quantity: assignment.remainingQuantity }}
          onCancel={() => setDialog(null)}
          onSubmit={(v) =>
            handBack.mutate(
              { id: assignment.id, body: { version: assignment.version, quantity: v.quantity, reason: v.reason } },
              closeOn(t("review.handedBack")),
            )
          }
        >
          <p>{t("review.handBackRule")}</p>
          <Form.Item
            label={t("review.handBackQuantity")}
            name="quantity"
            rules={[
              {
                required: true,
                message: t("validation.required", { field: t("review.handBackQuantity").toLowerCase() }),
              },
              {
                type: "number",
                min: 0.0001,
                max: assignment.remainingQuantity,
                message: t("delivery.quantityRange", { max: formatQuantity(assignment.remainingQuantity) }),
              },
            ]}
          >
            <InputNumber min={0} max={assignment.remainingQuantity} precision={4} decimalSeparator="," />
          </Form.Item>
          <Form.Item
            label={t("review.handBackReason")}
            name="reason"
            rules={requiredText(t("review.handBackReason"), limits.noteMax)}
          >
            <Input.TextArea rows={2} maxLength={limits.noteMax} />
          </Form.Item>
        </ActionModal>
      )}
    </Space>
  );
}
