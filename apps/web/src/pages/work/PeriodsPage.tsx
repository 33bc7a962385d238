import "./work.css";
import { LockOutlined, PlusOutlined, SettingOutlined, UnlockOutlined } from "@ant-design/icons";
import { limits, type Period } from "@thuocdo/contract";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  type TableProps,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { errorMessage } from "../../api/errors.ts";
import { useSession } from "../../api/queries/auth.ts";
import { useLockPeriod, useOpenPeriod, usePeriods, useReopenPeriod } from "../../api/queries/work.ts";
import { hasAnyRole, paths, screenRoles } from "../../auth/access.ts";
import { RequireRole } from "../../auth/RequireAuth.tsx";
import { AgencySelect } from "../../components/UnitPickers.tsx";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { formatDate, formatDateTime, t } from "../../i18n/index.ts";
import { requiredSelect, requiredText } from "../../lib/rules.ts";
import { AgencySettingsDrawer } from "./AgencySettingsDrawer.tsx";
import { PeriodStatusTag } from "./tags.tsx";

export function PeriodsPage() {
  return (
    <RequireRole roles={screenRoles.periods ?? []}>
      <Periods />
    </RequireRole>
  );
}

type Dialog = { kind: "open" } | { kind: "lock"; period: Period } | { kind: "reopen"; period: Period } | null;

function OpenPeriodModal({ agencyId, onClose }: { agencyId?: string; onClose: () => void }) {
  const [form] = Form.useForm<{ agencyId: string; year: number; number: number }>();
  const openPeriod = useOpenPeriod();
  const onError = useErrorHandler(form);
  const { message } = App.useApp();
  const now = new Date();
  return (
    <Modal
      open
      title={t("periods.openTitle")}
      okText={t("periods.open")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: openPeriod.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="open-period"
        initialValues={{ agencyId, year: now.getFullYear(), number: now.getMonth() + 1 }}
        onFinish={(body) =>
          openPeriod.mutate(body, {
            onSuccess: (p) => {
              message.success(t("periods.opened", { label: p.label }));
              onClose();
            },
            onError,
          })
        }
      >
        <Form.Item label={t("common.agency")} name="agencyId" rules={requiredSelect(t("common.agency"))}>
          <AgencySelect />
        </Form.Item>
        <Space>
          <Form.Item
            label={t("periods.year")}
            name="year"
            rules={[{ required: true, type: "number", min: 2000, max: 2100 }]}
          >
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item
            label={t("periods.number")}
            name="number"
            rules={[{ required: true, type: "number", min: 1, max: 12 }]}
            extra={t("periods.numberHint")}
          >
            <InputNumber min={1} max={12} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function LockModal({ period, onClose }: { period: Period; onClose: () => void }) {
  const [form] = Form.useForm<{ force: boolean; reason?: string }>();
  const lock = useLockPeriod();
  const onError = useErrorHandler(form);
  const { message } = App.useApp();
  const force = Form.useWatch("force", form);
  return (
    <Modal
      open
      title={t("periods.lockTitle", { label: period.label })}
      okText={t("periods.lock")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: lock.isPending, danger: true }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t("periods.lockText")}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        name="lock-period"
        initialValues={{ force: false }}
        onFinish={(v) =>
          lock.mutate(
            { id: period.id, body: { version: period.version, force: v.force, reason: v.reason || null } },
            {
              onSuccess: () => {
                message.success(t("periods.locked", { label: period.label }));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item name="force" valuePropName="checked">
          <Checkbox>{t("periods.force")}</Checkbox>
        </Form.Item>
        {force && (
          <Form.Item
            label={t("periods.forceReason")}
            name="reason"
            rules={requiredText(t("periods.forceReason"), limits.noteMax)}
          >
            <Input.TextArea rows={2} maxLength={limits.noteMax} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function ReopenModal({ period, onClose }: { period: Period; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const reopen = useReopenPeriod();
  const onError = useErrorHandler(form);
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={t("periods.reopenTitle", { label: period.label })}
      okText={t("periods.reopen")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: reopen.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t("periods.reopenText")} />
      <Form
        form={form}
        layout="vertical"
        name="reopen-period"
        onFinish={(v) =>
          reopen.mutate(
            { id: period.id, body: { version: period.version, reason: v.reason } },
            {
              onSuccess: () => {
                message.success(t("periods.reopened", { label: period.label }));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item
          label={t("periods.reopenReason")}
          name="reason"
          rules={requiredText(t("periods.reopenReason"), limits.noteMax)}
        >
          <Input.TextArea rows={3} maxLength={limits.noteMax} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Kỳ đánh giá: open a month (or quarter), lock it once confirmed, reopen only with a reason. */
function Periods() {
  const { data: session } = useSession();
  const isHr = hasAnyRole(session, ["hr"]);
  const [params, setParams] = useSearchParams();
  const agencyId = params.get("coQuan") ?? undefined;
  const year = Number(params.get("nam")) || undefined;
  const status = (params.get("trangThai") as Period["status"] | null) ?? undefined;
  const page = Math.max(1, Number(params.get("trang")) || 1);
  const [order, setOrder] = useState<"asc" | "desc">("desc");
  const periods = usePeriods({ agencyId, year, status, page, pageSize: 20, sort: "startsOn", order });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [settingsOf, setSettingsOf] = useState<string | null>(null);
  const set = (patch: Record<string, string | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });

  const columns: TableProps<Period>["columns"] = [
    {
      title: t("periods.period"),
      key: "startsOn",
      sorter: true,
      sortOrder: order === "desc" ? "descend" : "ascend",
      render: (_, p) => (
        <span>
          <Link to={`${paths.board}?periodId=${p.id}`}>{p.label}</Link>
          <br />
          <Typography.Text type="secondary">
            {formatDate(p.startsOn)} – {formatDate(p.endsOn)}
          </Typography.Text>
        </span>
      ),
    },
    { title: t("common.agency"), dataIndex: "agencyName", responsive: ["md"] },
    {
      title: t("periods.deadlines"),
      key: "deadlines",
      render: (_, p) => (
        <Space orientation="vertical" size={0}>
          <span>{t("periods.selfDue", { date: formatDate(p.selfEvaluationDue) })}</span>
          <span>{t("periods.reviewDue", { date: formatDate(p.reviewDue) })}</span>
          <span>{t("periods.lockDue", { date: formatDate(p.lockDue) })}</span>
        </Space>
      ),
    },
    {
      title: t("common.status"),
      key: "status",
      render: (_, p) => (
        <span>
          <PeriodStatusTag status={p.status} />
          {p.lockedAt && (
            <Typography.Text type="secondary">
              <br />
              {t("periods.lockedBy", { who: p.lockedByName ?? "", at: formatDateTime(p.lockedAt) })}
            </Typography.Text>
          )}
        </span>
      ),
    },
    { title: t("periods.ruleSet"), dataIndex: "ruleSetVersion", responsive: ["lg"] },
    {
      title: t("common.actions"),
      key: "actions",
      render: (_, p) =>
        p.status === "open" ? (
          <Button size="small" danger icon={<LockOutlined />} onClick={() => setDialog({ kind: "lock", period: p })}>
            {t("periods.lock")}
          </Button>
        ) : (
          <Button size="small" icon={<UnlockOutlined />} onClick={() => setDialog({ kind: "reopen", period: p })}>
            {t("periods.reopen")}
          </Button>
        ),
    },
  ];

  return (
    <div className="work-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("periods.title")}
      </Typography.Title>
      <Card>
        <div className="toolbar">
          <AgencySelect
            value={agencyId}
            onChange={(v) => set({ coQuan: v, trang: undefined })}
            style={{ minWidth: 240 }}
          />
          <InputNumber
            aria-label={t("periods.year")}
            placeholder={t("periods.year")}
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => set({ nam: v ? String(v) : undefined, trang: undefined })}
          />
          <Select
            aria-label={t("common.status")}
            allowClear
            placeholder={t("common.status")}
            style={{ minWidth: 160 }}
            value={status}
            onChange={(v?: string) => set({ trangThai: v, trang: undefined })}
            options={(["open", "locked"] as const).map((s) => ({ value: s, label: t(`periodStatuses.${s}`) }))}
          />
          <div style={{ flex: 1 }} />
          {isHr && agencyId && (
            <Button icon={<SettingOutlined />} onClick={() => setSettingsOf(agencyId)}>
              {t("periods.settings")}
            </Button>
          )}
          {isHr && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: "open" })}>
              {t("periods.open")}
            </Button>
          )}
        </div>
        {periods.isError ? (
          <Alert type="error" showIcon title={errorMessage(periods.error)} />
        ) : (
          <Table<Period>
            rowKey="id"
            columns={columns}
            dataSource={periods.data?.items ?? []}
            loading={periods.isFetching}
            scroll={{ x: 760 }}
            locale={{ emptyText: t("periods.empty") }}
            onChange={(pagination, _f, sorter) => {
              const s = Array.isArray(sorter) ? sorter[0] : sorter;
              setOrder(s?.order === "ascend" ? "asc" : "desc");
              set({ trang: pagination.current && pagination.current > 1 ? String(pagination.current) : undefined });
            }}
            pagination={{
              current: page,
              pageSize: 20,
              total: periods.data?.total ?? 0,
              showTotal: (total, [from, to]) => t("common.rangeOfTotal", { from, to, total }),
            }}
          />
        )}
      </Card>
      {dialog?.kind === "open" && <OpenPeriodModal agencyId={agencyId} onClose={() => setDialog(null)} />}
      {dialog?.kind === "lock" && <LockModal period={dialog.period} onClose={() => setDialog(null)} />}
      {dialog?.kind === "reopen" && <ReopenModal period={dialog.period} onClose={() => setDialog(null)} />}
      {settingsOf && <AgencySettingsDrawer agencyId={settingsOf} onClose={() => setSettingsOf(null)} />}
    </div>
  );
}
