import type { AuditEntry } from "@thuocdo/contract";
import { Alert, Card, Input, Select, Table, type TableProps, Tag, Typography } from "antd";
import { useState } from "react";
import { errorMessage } from "../api/errors.ts";
import { type AuditQuery, useAudit } from "../api/queries/admin.ts";
import { RequireRole } from "../auth/RequireAuth.tsx";
import { formatDateTime, t } from "../i18n/index.ts";
import { actionLabel, entityKeys, entityLabel, fieldLabel } from "../lib/auditLabels.ts";
import { diffSnapshots } from "../lib/diff.ts";
import { useDebounced } from "../lib/useDebounced.ts";

function ChangeList({ entry }: { entry: AuditEntry }) {
  const changes = diffSnapshots(entry.before, entry.after);
  if (changes.length === 0) return <Typography.Text type="secondary">{t("audit.noChanges")}</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 16 }}>
      {changes.map((c) => {
        const label = fieldLabel(c.field);
        return (
          <li key={c.field}>
            {c.field && <Typography.Text strong>{label ? t(label) : c.field}: </Typography.Text>}
            {c.before !== null && (
              <span className="diff-before" title={t("audit.before")}>
                {c.before}
              </span>
            )}
            {c.before !== null && c.after !== null && " → "}
            {c.after !== null && (
              <span className="diff-after" title={t("audit.after")}>
                {c.after}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function AuditPage() {
  return (
    <RequireRole roles={["admin", "hr"]}>
      <Audit />
    </RequireRole>
  );
}

function Audit() {
  const [entity, setEntity] = useState<string>();
  const [entityIdInput, setEntityIdInput] = useState("");
  const entityId = useDebounced(entityIdInput.trim(), 350);
  const [paging, setPaging] = useState({ page: 1, pageSize: 50 });
  const query: AuditQuery = { entity, entityId: entityId || undefined, ...paging };
  const audit = useAudit(query);

  const columns: TableProps<AuditEntry>["columns"] = [
    {
      title: t("audit.at"),
      dataIndex: "at",
      width: 150,
      render: (at: string) => formatDateTime(at),
      sorter: (a, b) => a.at.localeCompare(b.at),
      defaultSortOrder: "descend",
    },
    {
      title: t("audit.actor"),
      dataIndex: "actorName",
      width: 180,
      render: (name: string | null) => name ?? t("audit.system"),
      sorter: (a, b) => (a.actorName ?? "").localeCompare(b.actorName ?? "", "vi"),
    },
    {
      title: t("audit.entity"),
      dataIndex: "entity",
      width: 170,
      render: (e: string, row) => {
        const label = entityLabel(e);
        return (
          <span>
            {label ? t(label) : e}
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.entityId}
            </Typography.Text>
          </span>
        );
      },
    },
    {
      title: t("audit.action"),
      dataIndex: "action",
      width: 120,
      render: (a: string) => {
        const label = actionLabel(a);
        return <Tag>{label ? t(label) : a}</Tag>;
      },
    },
    { title: t("audit.changes"), key: "changes", render: (_, row) => <ChangeList entry={row} /> },
    { title: t("audit.reason"), dataIndex: "reason", width: 180, responsive: ["lg"] },
  ];

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("audit.title")}
      </Typography.Title>
      <Card>
        <div className="toolbar">
          <Select
            allowClear
            placeholder={t("audit.allEntities")}
            value={entity}
            onChange={(v) => {
              setEntity(v);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            options={entityKeys.map((e) => {
              const label = entityLabel(e);
              return { value: e, label: label ? t(label) : e };
            })}
            style={{ minWidth: 200 }}
            aria-label={t("audit.entity")}
          />
          <Input
            className="grow"
            allowClear
            placeholder={t("audit.entityIdPlaceholder")}
            value={entityIdInput}
            onChange={(e) => {
              setEntityIdInput(e.target.value);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            aria-label={t("audit.entityId")}
            maxLength={64}
          />
        </div>
        {audit.isError ? (
          <Alert type="error" showIcon title={errorMessage(audit.error)} />
        ) : (
          <Table<AuditEntry>
            rowKey="id"
            columns={columns}
            dataSource={audit.data?.items ?? []}
            loading={audit.isFetching}
            scroll={{ x: 900 }}
            locale={{ emptyText: t("audit.empty") }}
            pagination={{
              current: paging.page,
              pageSize: paging.pageSize,
              total: audit.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total, [from, to]) => t("common.rangeOfTotal", { from, to, total }),
              onChange: (page, pageSize) => setPaging({ page, pageSize }),
            }}
          />
        )}
      </Card>
    </>
  );
}
