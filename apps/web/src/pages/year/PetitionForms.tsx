import { limits, type Petition, petitionOutcomes } from "@thuocdo/contract";
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Modal, Radio, Typography } from "antd";
import { Link } from "react-router";
import { useAnswerPetition, useDueDate, useFilePetition } from "../../api/queries/year.ts";
import { paths } from "../../auth/access.ts";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { formatDate, t } from "../../i18n/index.ts";
import { FileField, FileLink } from "./FileField.tsx";
import { PetitionStatusTag } from "./PetitionTags.tsx";

/** Today in Vietnam time as YYYY-MM-DD (a petition is received today). */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(now);
}

/** A civil servant's petition against their classification (Art. 22), with the due date it will get. */
export function FilePetitionModal({
  classificationId,
  unitId,
  onClose,
}: {
  classificationId: string;
  unitId: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ content: string; fileId?: string | null }>();
  const onError = useErrorHandler(form);
  const file = useFilePetition();
  const due = useDueDate(todayIso());
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={t("petitions.file")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("petitions.send")}
      cancelText={t("common.cancel")}
      confirmLoading={file.isPending}
      destroyOnHidden
    >
      {due.data && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("petitions.dueInfo", { due: formatDate(due.data.dueOn), skipped: due.data.skipped.length })}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          file.mutate(
            { classificationId, content: v.content, fileId: v.fileId ?? null },
            {
              onSuccess: (p) => {
                message.success(t("petitions.sent", { due: formatDate(p.dueOn) }));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item
          name="content"
          label={t("petitions.content")}
          rules={[{ required: true, whitespace: true, message: t("petitions.contentRequired") }]}
        >
          <Input.TextArea rows={5} maxLength={limits.noteMax * 5} showCount />
        </Form.Item>
        <Form.Item name="fileId" label={t("yearForms.file")}>
          <FileField unitId={unitId} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One petition, and the answer form for hr or the head while it is pending. */
export function PetitionDrawer({
  petition,
  canAnswer,
  onClose,
}: {
  petition: Petition;
  canAnswer: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ outcome: Petition["outcome"]; answer: string; fileId?: string | null }>();
  const onError = useErrorHandler(form);
  const answer = useAnswerPetition();
  const { message } = App.useApp();
  const outcome = Form.useWatch("outcome", form);
  return (
    <Drawer
      open
      size={620}
      title={t("petitions.titleFor", { name: petition.personName })}
      onClose={onClose}
      destroyOnHidden
    >
      <Descriptions bordered size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t("common.status")}>
          <PetitionStatusTag petition={petition} />
        </Descriptions.Item>
        <Descriptions.Item label={t("petitions.receivedOn")}>{formatDate(petition.receivedOn)}</Descriptions.Item>
        <Descriptions.Item label={t("petitions.dueOn")}>{formatDate(petition.dueOn)}</Descriptions.Item>
        <Descriptions.Item label={t("petitions.content")}>
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>
            {petition.content}
          </Typography.Paragraph>
          <FileLink file={petition.file} />
        </Descriptions.Item>
        {petition.status === "answered" && (
          <Descriptions.Item label={t("petitions.answer")}>
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>
              {petition.answer}
            </Typography.Paragraph>
            {t("petitions.answeredBy", { name: petition.answeredByName ?? "", date: formatDate(petition.answeredOn) })}{" "}
            <FileLink file={petition.answerFile} />
          </Descriptions.Item>
        )}
      </Descriptions>
      {canAnswer && petition.status === "pending" && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            answer.mutate(
              {
                id: petition.id,
                body: {
                  version: petition.version,
                  outcome: v.outcome ?? "rejected",
                  answer: v.answer,
                  fileId: v.fileId ?? null,
                },
              },
              {
                onSuccess: () => {
                  message.success(t("petitions.answered"));
                  onClose();
                },
                onError,
              },
            )
          }
        >
          <Form.Item
            name="outcome"
            label={t("petitions.outcome")}
            rules={[{ required: true, message: t("petitions.outcomeRequired") }]}
          >
            <Radio.Group options={petitionOutcomes.map((o) => ({ value: o, label: t(`petitionOutcomes.${o}`) }))} />
          </Form.Item>
          {outcome === "accepted" && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t("petitions.acceptedHelp")}
              action={
                <Link to={`${paths.yearClassification}?coQuan=${petition.agencyId}&nam=${petition.year}&tab=workflow`}>
                  {t("petitions.toWorkflow")}
                </Link>
              }
            />
          )}
          <Form.Item
            name="answer"
            label={t("petitions.answer")}
            rules={[{ required: true, whitespace: true, message: t("petitions.answerRequired") }]}
          >
            <Input.TextArea rows={4} maxLength={limits.noteMax * 5} />
          </Form.Item>
          <Form.Item name="fileId" label={t("yearForms.file")}>
            <FileField unitId={petition.agencyId} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={answer.isPending}>
            {t("petitions.sendAnswer")}
          </Button>
        </Form>
      )}
    </Drawer>
  );
}
