import { CheckOutlined, CloseOutlined } from "@ant-design/icons";
import {
  type ComplexityGroup,
  catalogLimits,
  complexityGroups,
  limits,
  type Proposal,
  type ProposalStatus,
  proposalStatuses,
} from "@thuocdo/contract";
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  type TableProps,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useSession } from "../../api/queries/auth.ts";
import { useCreateProposal, useDecideProposal, useProposals } from "../../api/queries/catalog.ts";
import { hasAnyRole } from "../../auth/access.ts";
import { AgencySelect } from "../../components/UnitPickers.tsx";
import { formatDateTime, formatNumber, t } from "../../i18n/index.ts";
import { optionalText, requiredSelect, requiredText } from "../../lib/rules.ts";
import { formGrid, useCatalogErrorHandler, useHomeAgency } from "./shared.tsx";

const statusColors: Record<ProposalStatus, string> = { pending: "gold", approved: "green", refused: "red" };

interface ProposalForm {
  task: string;
  output: string;
  complexityGroup: ComplexityGroup;
  points: number;
  reason?: string;
}

/** Art. 13.3: a product made outside the catalog is proposed by its maker and decided by hr. */
export function ProposalsPage() {
  const { data: session } = useSession();
  const decider = hasAnyRole(session, ["hr"]);
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("proposals.title")}
      </Typography.Title>
      <Tabs
        items={[
          { key: "mine", label: t("proposals.mineTab"), children: <MyProposals /> },
          ...(decider ? [{ key: "decide", label: t("proposals.decideTab"), children: <DecideProposals /> }] : []),
        ]}
      />
    </>
  );
}

function columns(extra: TableProps<Proposal>["columns"] = []): TableProps<Proposal>["columns"] {
  return [
    { title: t("catalog.task"), dataIndex: "task" },
    { title: t("catalog.output"), dataIndex: "output", width: 200 },
    { title: t("catalog.group"), dataIndex: "complexityGroup", width: 70 },
    { title: t("catalog.points"), dataIndex: "points", width: 70, align: "right", render: formatNumber },
    {
      title: t("common.status"),
      dataIndex: "status",
      width: 130,
      render: (s: ProposalStatus) => <Tag color={statusColors[s]}>{t(`proposalStatuses.${s}`)}</Tag>,
    },
    {
      title: t("proposals.decision"),
      key: "decision",
      render: (_, p) =>
        p.decidedAt
          ? `${p.decidedByName ?? ""}, ${formatDateTime(p.decidedAt)}${p.decisionNote ? ` — ${p.decisionNote}` : ""}`
          : t("common.none"),
    },
    ...extra,
  ];
}

function MyProposals() {
  const [form] = Form.useForm<ProposalForm>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const mine = useProposals({ mine: true, ...page });
  const create = useCreateProposal();
  const onError = useCatalogErrorHandler(form);
  const { message } = App.useApp();
  const submit = (v: ProposalForm) =>
    create.mutate(
      { ...v, reason: v.reason ?? null },
      {
        onSuccess: () => {
          message.success(t("proposals.sent"));
          form.resetFields();
        },
        onError,
      },
    );
  return (
    <Space orientation="vertical" style={{ width: "100%" }} size="large">
      <Card title={t("proposals.newTitle")}>
        <Form<ProposalForm> form={form} layout="vertical" name="proposal" onFinish={submit} style={{ maxWidth: 760 }}>
          <Form.Item
            label={t("catalog.task")}
            name="task"
            rules={requiredText(t("catalog.task"), catalogLimits.textMax)}
          >
            <Input.TextArea autoSize maxLength={catalogLimits.textMax} />
          </Form.Item>
          <Form.Item
            label={t("catalog.output")}
            name="output"
            rules={requiredText(t("catalog.output"), catalogLimits.textMax)}
          >
            <Input maxLength={catalogLimits.textMax} />
          </Form.Item>
          <div style={formGrid}>
            <Form.Item label={t("catalog.group")} name="complexityGroup" rules={requiredSelect(t("catalog.group"))}>
              <Select options={complexityGroups.map((g) => ({ value: g, label: g }))} />
            </Form.Item>
            <Form.Item
              label={t("proposals.points")}
              name="points"
              rules={[
                { required: true, message: t("validation.required", { field: t("proposals.points").toLowerCase() }) },
              ]}
            >
              <InputNumber
                min={0.0001}
                max={catalogLimits.pointsMax}
                precision={4}
                decimalSeparator=","
                style={{ width: "100%" }}
              />
            </Form.Item>
          </div>
          <Form.Item
            label={t("proposals.reason")}
            name="reason"
            rules={optionalText(t("proposals.reason"), limits.noteMax)}
          >
            <Input.TextArea autoSize maxLength={limits.noteMax} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t("proposals.send")}
          </Button>
        </Form>
      </Card>
      <Card title={t("proposals.mineTitle")}>
        <Table<Proposal>
          rowKey="id"
          size="small"
          columns={columns()}
          dataSource={mine.data?.items ?? []}
          loading={mine.isFetching}
          scroll={{ x: 800 }}
          locale={{ emptyText: t("proposals.empty") }}
          onChange={(p) => setPage({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
          pagination={{ current: page.page, pageSize: page.pageSize, total: mine.data?.total ?? 0 }}
        />
      </Card>
    </Space>
  );
}

function DecideProposals() {
  const home = useHomeAgency();
  const [agencyId, setAgencyId] = useState<string>();
  const agency = agencyId ?? home;
  const [status, setStatus] = useState<ProposalStatus | undefined>("pending");
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useProposals({ agencyId: agency, status, ...page }, !!agency);
  const [deciding, setDeciding] = useState<{ proposal: Proposal; decision: "approved" | "refused" } | null>(null);
  const extra: TableProps<Proposal>["columns"] = [
    { title: t("proposals.maker"), dataIndex: "personName", width: 170 },
    { title: t("proposals.reason"), dataIndex: "reason", width: 200 },
    {
      title: t("common.actions"),
      key: "actions",
      width: 200,
      render: (_, p) =>
        p.status === "pending" && (
          <Space>
            <Button
              size="small"
              icon={<CheckOutlined />}
              onClick={() => setDeciding({ proposal: p, decision: "approved" })}
            >
              {t("proposals.approve")}
            </Button>
            <Button
              size="small"
              danger
              icon={<CloseOutlined />}
              onClick={() => setDeciding({ proposal: p, decision: "refused" })}
            >
              {t("proposals.refuse")}
            </Button>
          </Space>
        ),
    },
  ];
  return (
    <Card>
      <div className="toolbar">
        <AgencySelect value={agency} onChange={setAgencyId} style={{ minWidth: 260 }} />
        <Select
          allowClear
          style={{ width: 200 }}
          aria-label={t("common.status")}
          placeholder={t("proposals.allStatuses")}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          options={proposalStatuses.map((s) => ({ value: s, label: t(`proposalStatuses.${s}`) }))}
        />
      </div>
      <Table<Proposal>
        rowKey="id"
        size="small"
        columns={columns(extra)}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 1200 }}
        locale={{ emptyText: t("proposals.empty") }}
        onChange={(p) => setPage({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0 }}
      />
      {deciding && <DecideModal {...deciding} onClose={() => setDeciding(null)} />}
    </Card>
  );
}

function DecideModal({
  proposal,
  decision,
  onClose,
}: {
  proposal: Proposal;
  decision: "approved" | "refused";
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ note?: string }>();
  const decide = useDecideProposal();
  const onError = useCatalogErrorHandler(form);
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={decision === "approved" ? t("proposals.approveTitle") : t("proposals.refuseTitle")}
      okText={decision === "approved" ? t("proposals.approve") : t("proposals.refuse")}
      okButtonProps={{ danger: decision === "refused" }}
      cancelText={t("common.cancel")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      <p>{proposal.task}</p>
      <Form
        form={form}
        layout="vertical"
        name="proposal-decision"
        onFinish={(v) =>
          decide.mutate(
            { id: proposal.id, body: { version: proposal.version, decision, note: v.note ?? null } },
            {
              onSuccess: () => {
                message.success(t("common.saved"));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item
          label={t("proposals.note")}
          name="note"
          rules={
            decision === "refused"
              ? requiredText(t("proposals.note"), limits.noteMax)
              : optionalText(t("proposals.note"), limits.noteMax)
          }
          extra={decision === "approved" ? t("proposals.approveHint") : undefined}
        >
          <Input.TextArea autoSize maxLength={limits.noteMax} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
