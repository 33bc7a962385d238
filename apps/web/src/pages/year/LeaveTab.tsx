import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { leaveKindsRecorded, type PersonLeave } from "@thuocdo/contract";
import { Alert, App, Button, Drawer, Form, Input, Select, Table, type TableProps, Tag } from "antd";
import { useState } from "react";
import { errorMessage } from "../../api/errors.ts";
import { useLeave, useSetLeave } from "../../api/queries/year.ts";
import { PersonSelect } from "../../components/PersonSelect.tsx";
import { t } from "../../i18n/index.ts";
import { CsvButton } from "./CsvButton.tsx";

type Kind = (typeof leaveKindsRecorded)[number];
const months = Array.from({ length: 12 }, (_, i) => i + 1);
const kindColors: Record<Kind, string> = { sick: "orange", maternity: "magenta", unpaid: "default" };

function LeaveDrawer({ year, current, onClose }: { year: number; current: PersonLeave | null; onClose: () => void }) {
  const [personId, setPersonId] = useState<string | null>(current?.personId ?? null);
  const [cells, setCells] = useState<Record<number, Kind | undefined>>(
    Object.fromEntries((current?.months ?? []).map((m) => [m.month, m.kind])),
  );
  const [reason, setReason] = useState("");
  const save = useSetLeave();
  const { message } = App.useApp();
  const onSave = () => {
    if (!personId) return;
    save.mutate(
      {
        personId,
        year,
        months: months.flatMap((m) => (cells[m] ? [{ month: m, kind: cells[m] as Kind }] : [])),
        reason: reason || undefined,
      },
      {
        onSuccess: () => {
          message.success(t("common.saved"));
          onClose();
        },
        onError: (e) => message.error(errorMessage(e)),
      },
    );
  };
  return (
    <Drawer
      open
      size={520}
      title={t("leave.edit", { year: String(year) })}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Button type="primary" disabled={!personId} loading={save.isPending} onClick={onSave}>
          {t("common.save")}
        </Button>
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t("leave.help")} />
      <Form layout="vertical">
        <Form.Item label={t("records.person")} required>
          {current ? <strong>{current.personName}</strong> : <PersonSelect value={personId} onChange={setPersonId} />}
        </Form.Item>
        {months.map((m) => (
          <Form.Item key={m} label={t("leave.month", { month: m })} style={{ marginBottom: 8 }}>
            <Select
              allowClear
              placeholder={t("leave.worked")}
              value={cells[m]}
              aria-label={t("leave.month", { month: m })}
              onChange={(v: Kind | undefined) => setCells((c) => ({ ...c, [m]: v }))}
              options={leaveKindsRecorded.map((k) => ({ value: k, label: t(`leaveKinds.${k}`) }))}
            />
          </Form.Item>
        ))}
        <Form.Item label={t("leave.reason")}>
          <Input.TextArea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

/** Sick, maternity and unpaid leave per person and month (Art. 11.2): who may be averaged on months worked. */
export function LeaveTab({ agencyId, year, canEdit }: { agencyId: string; year: number; canEdit: boolean }) {
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const leave = useLeave({ agencyId, year, ...page });
  const [editing, setEditing] = useState<PersonLeave | "new" | null>(null);
  const columns: TableProps<PersonLeave>["columns"] = [
    { title: t("records.person"), dataIndex: "personName", fixed: "left", width: 200 },
    ...months.map((m) => ({
      title: t("charts.monthShort", { month: m }),
      key: `m${m}`,
      width: 70,
      render: (_: unknown, p: PersonLeave) => {
        const cell = p.months.find((x) => x.month === m);
        return cell ? <Tag color={kindColors[cell.kind]}>{t(`leaveShort.${cell.kind}`)}</Tag> : null;
      },
    })),
    ...(canEdit
      ? [
          {
            title: t("common.actions"),
            key: "actions",
            fixed: "right" as const,
            width: 80,
            render: (_: unknown, p: PersonLeave) => (
              <Button
                size="small"
                icon={<EditOutlined />}
                aria-label={t("common.edit")}
                onClick={() => setEditing(p)}
              />
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <div className="toolbar">
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
            {t("leave.add")}
          </Button>
        )}
        <CsvButton
          filename={`nghi-theo-thang-${year}.csv`}
          header={[t("records.person"), ...months.map((m) => t("charts.monthShort", { month: m }))]}
          rows={(leave.data?.items ?? []).map((p) => [
            p.personName,
            ...months.map((m) => {
              const cell = p.months.find((x) => x.month === m);
              return cell ? t(`leaveKinds.${cell.kind}`) : null;
            }),
          ])}
        />
      </div>
      {leave.isError && <Alert type="error" showIcon title={errorMessage(leave.error)} />}
      <Table<PersonLeave>
        rowKey="personId"
        size="small"
        columns={columns}
        loading={leave.isFetching}
        dataSource={leave.data?.items ?? []}
        scroll={{ x: 1200 }}
        locale={{ emptyText: t("leave.empty") }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: leave.data?.total ?? 0,
          showTotal: (total, [from, to]) => t("common.rangeOfTotal", { from, to, total }),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
      />
      {editing && (
        <LeaveDrawer year={year} current={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
