import { GlobalOutlined, SendOutlined } from "@ant-design/icons";
import { type Classification, type ClassificationDecision, limits } from "@thuocdo/contract";
import type { Level } from "@thuocdo/core";
import { Alert, App, Button, Card, Col, Form, Input, Row, Space, Steps, Table, Tag, Typography } from "antd";
import { type ReactNode, useState } from "react";
import { Link } from "react-router";
import { errorMessage } from "../../api/errors.ts";
import { usePropose, usePublish } from "../../api/queries/year.ts";
import { publicResultsPath } from "../../auth/access.ts";
import { formatDate, formatDateTime, t } from "../../i18n/index.ts";
import { DecisionForm } from "./DecisionForm.tsx";
import { FileField, FileLink } from "./FileField.tsx";
import { MinutesForm } from "./MinutesForm.tsx";

const levelOrder: Level[] = ["excellent", "good", "completed", "not_completed", "unclassified"];

function countsText(counts: ClassificationDecision["counts"]): string {
  return levelOrder
    .filter((l) => (counts[l] ?? 0) > 0)
    .map((l) => `${t(`levelsShort.${l}`)}: ${counts[l]}`)
    .join(" · ");
}

/**
 * The first decision once the proposal is in; afterwards a re-classification (Art. 21.3) is a
 * deliberate step behind its own button, so a decided year is never re-decided by accident.
 */
function DecisionCard({ c, canDecide }: { c: Classification; canDecide: boolean }) {
  const [replacing, setReplacing] = useState(false);
  const decided = c.decisions.some((d) => d.active);
  let body: ReactNode;
  if (!canDecide || c.status === "open") {
    body = (
      <Typography.Text type="secondary">
        {c.status === "open" ? t("workflow.decideAfterProposal") : t("workflow.headDecides")}
      </Typography.Text>
    );
  } else if (!decided || replacing) {
    body = <DecisionForm c={c} onDone={() => setReplacing(false)} />;
  } else {
    body = (
      <Space orientation="vertical">
        <Typography.Text>{t("workflow.decidedAlready")}</Typography.Text>
        <Button onClick={() => setReplacing(true)}>{t("workflow.replaceDecision")}</Button>
      </Space>
    );
  }
  return (
    <Card size="small" title={t("workflow.decisionTitle")} style={{ height: "100%" }}>
      {body}
    </Card>
  );
}

function ProposalCard({ c, canManage }: { c: Classification; canManage: boolean }) {
  const [form] = Form.useForm<{ note?: string; fileId?: string | null }>();
  const propose = usePropose();
  const { message } = App.useApp();
  return (
    <Card size="small" title={t("workflow.proposalTitle")} style={{ height: "100%" }}>
      {c.proposal ? (
        <Space orientation="vertical">
          <span>
            {t("workflow.proposedBy", {
              name: c.proposal.proposedByName ?? "",
              at: formatDateTime(c.proposal.proposedAt),
            })}
          </span>
          {c.proposal.note && <Typography.Paragraph>{c.proposal.note}</Typography.Paragraph>}
          <FileLink file={c.proposal.file} />
        </Space>
      ) : canManage && c.status === "open" ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            propose.mutate(
              { id: c.id, body: { version: c.version, note: v.note, fileId: v.fileId ?? null } },
              {
                onSuccess: () => message.success(t("workflow.proposed")),
                onError: (e) => message.error(errorMessage(e)),
              },
            )
          }
        >
          <Typography.Paragraph type="secondary">{t("workflow.proposalHelp")}</Typography.Paragraph>
          {c.pendingTies > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t("workflow.tiesBlock", { count: c.pendingTies })}
            />
          )}
          <Form.Item name="note" label={t("workflow.proposalNote")}>
            <Input.TextArea rows={3} maxLength={limits.noteMax * 5} />
          </Form.Item>
          <Form.Item name="fileId" label={t("yearForms.file")}>
            <FileField unitId={c.agencyId} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={propose.isPending}>
            {t("workflow.propose")}
          </Button>
        </Form>
      ) : (
        <Typography.Text type="secondary">{t("workflow.noProposal")}</Typography.Text>
      )}
    </Card>
  );
}

function PublishCard({ c, canDecide }: { c: Classification; canDecide: boolean }) {
  const publish = usePublish();
  const { message, modal } = App.useApp();
  const publicLink = publicResultsPath(c.agencyId, c.year);
  return (
    <Card size="small" title={t("workflow.publicationTitle")} style={{ height: "100%" }}>
      {c.status === "published" ? (
        <Space orientation="vertical">
          <Alert type="success" showIcon title={t("workflow.publishedAt", { at: formatDateTime(c.publishedAt) })} />
          <Link to={publicLink} target="_blank" data-testid="public-link">
            <GlobalOutlined /> {t("workflow.openPublic")}
          </Link>
        </Space>
      ) : c.status === "decided" && canDecide ? (
        <Space orientation="vertical">
          <Typography.Paragraph type="secondary">{t("workflow.publishHelp")}</Typography.Paragraph>
          <Button
            type="primary"
            icon={<GlobalOutlined />}
            loading={publish.isPending}
            onClick={() =>
              modal.confirm({
                title: t("workflow.publishConfirmTitle"),
                content: t("workflow.publishConfirmText"),
                okText: t("workflow.publish"),
                cancelText: t("common.cancel"),
                onOk: () =>
                  publish.mutateAsync({ id: c.id, body: { version: c.version } }).then(
                    () => message.success(t("workflow.publishedDone")),
                    (e) => message.error(errorMessage(e)),
                  ),
              })
            }
          >
            {t("workflow.publish")}
          </Button>
        </Space>
      ) : (
        <Typography.Text type="secondary">{t("workflow.publishAfterDecision")}</Typography.Text>
      )}
    </Card>
  );
}

/**
 * The Art. 21 procedure of one classification: where each step stands, the meetings' minutes, the
 * personnel body's proposal, the head's decision (and any re-classification replacing it, Art.
 * 21.3), and publication with the public page and a notice to each person.
 */
export function WorkflowPanel({
  c,
  canManage,
  canDecide,
}: {
  c: Classification;
  canManage: boolean;
  canDecide: boolean;
}) {
  const steps = c.steps.map((s) => ({
    title: t(`workflowSteps.${s.step}`),
    status: s.done ? ("finish" as const) : ("wait" as const),
    description: s.missing > 0 ? t("workflow.missing", { count: s.missing }) : undefined,
  }));
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card size="small">
        <Steps size="small" items={steps} responsive />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t("workflow.mau02Help")}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t("workflow.minutesTitle")}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={c.minutes}
          locale={{ emptyText: t("workflow.noMinutes") }}
          columns={[
            { title: t("workflow.meetingUnit"), dataIndex: "unitName" },
            { title: t("workflow.meetingDate"), dataIndex: "meetingDate", render: (d: string) => formatDate(d) },
            { title: t("workflow.minutesFile"), key: "file", render: (_, m) => <FileLink file={m.file} /> },
            { title: t("work.note"), dataIndex: "note", responsive: ["md"] },
          ]}
        />
        {canManage && c.status === "open" && (
          <div style={{ marginTop: 12, maxWidth: 520 }}>
            <MinutesForm c={c} />
          </div>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <ProposalCard c={c} canManage={canManage} />
        </Col>
        <Col xs={24} lg={12}>
          <DecisionCard c={c} canDecide={canDecide} />
        </Col>
      </Row>
      <PublishCard c={c} canDecide={canDecide} />
      <Card size="small" title={t("workflow.decisionsTitle")}>
        <Table<ClassificationDecision>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={c.decisions}
          scroll={{ x: 800 }}
          locale={{ emptyText: t("workflow.noDecisions") }}
          columns={[
            {
              title: t("workflow.decisionNumber"),
              key: "number",
              render: (_, d) => (
                <Space>
                  {d.number}
                  {d.active ? <Tag color="green">{t("workflow.active")}</Tag> : <Tag>{t("workflow.replacedTag")}</Tag>}
                </Space>
              ),
            },
            { title: t("workflow.decisionDate"), dataIndex: "date", render: (d: string) => formatDate(d) },
            { title: t("workflow.signer"), dataIndex: "signer", responsive: ["md"] },
            { title: t("workflow.counts"), key: "counts", render: (_, d) => countsText(d.counts) },
            { title: t("workflow.replaceReason"), dataIndex: "reason", responsive: ["lg"] },
            { title: t("workflow.decisionFile"), key: "file", render: (_, d) => <FileLink file={d.file} /> },
            {
              title: t("workflow.publishedCol"),
              dataIndex: "publishedAt",
              render: (v: string | null) => formatDateTime(v),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
