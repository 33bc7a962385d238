import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { limits, type Position } from "@thuocdo/contract";
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Space, Table, type TableProps, Typography } from "antd";
import { useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { errorMessage } from "../api/errors.ts";
import { useCreatePosition, useDeletePosition, usePositions, useUpdatePosition } from "../api/queries/org.ts";
import { RequireRole } from "../auth/RequireAuth.tsx";
import { AgencySelect } from "../components/UnitPickers.tsx";
import { useErrorHandler } from "../components/useErrorHandler.ts";
import { fold, t } from "../i18n/index.ts";
import { requiredText } from "../lib/rules.ts";

interface PositionForm {
  code: string;
  name: string;
}

const collator = new Intl.Collator("vi", { numeric: true });

function PositionModal({
  agencyId,
  position,
  onClose,
}: {
  agencyId: string;
  position: Position | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<PositionForm>();
  const create = useCreatePosition();
  const update = useUpdatePosition();
  const onError = useErrorHandler(form);
  const { message } = App.useApp();
  const done = () => {
    message.success(t("common.saved"));
    onClose();
  };
  const submit = (v: PositionForm) =>
    position
      ? update.mutate({ id: position.id, body: { version: position.version, ...v } }, { onSuccess: done, onError })
      : create.mutate({ agencyId, ...v }, { onSuccess: done, onError });
  return (
    <Modal
      open
      title={position ? t("positions.edit") : t("positions.add")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<PositionForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={position ?? undefined}
        name="position"
      >
        <Form.Item label={t("positions.code")} name="code" rules={requiredText(t("positions.code"), limits.codeMax)}>
          <Input placeholder={t("positions.codePlaceholder")} maxLength={limits.codeMax} />
        </Form.Item>
        <Form.Item label={t("positions.name")} name="name" rules={requiredText(t("positions.name"), limits.nameMax)}>
          <Input placeholder={t("positions.namePlaceholder")} maxLength={limits.nameMax} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function PositionsPage() {
  return (
    <RequireRole roles={["hr"]}>
      <Positions />
    </RequireRole>
  );
}

function Positions() {
  const [params, setParams] = useSearchParams();
  const agencyId = params.get("coQuan") ?? undefined;
  const [search, setSearch] = useState("");
  const [editing, setEditing] = useState<Position | "new" | null>(null);
  const positions = usePositions(agencyId, { enabled: !!agencyId });
  const del = useDeletePosition();
  const onError = useErrorHandler();
  const { modal, message } = App.useApp();

  const rows = useMemo(() => {
    const q = fold(search.trim());
    const all = positions.data ?? [];
    return q ? all.filter((p) => fold(`${p.code} ${p.name}`).includes(q)) : all;
  }, [positions.data, search]);

  const confirmDelete = (p: Position) =>
    modal.confirm({
      title: t("common.delete"),
      content: t("common.confirmDelete", { name: p.name }),
      okText: t("common.delete"),
      okButtonProps: { danger: true },
      cancelText: t("common.cancel"),
      onOk: () => del.mutateAsync(p.id).then(() => message.success(t("common.deleted")), onError),
    });

  const columns: TableProps<Position>["columns"] = [
    {
      title: t("positions.code"),
      dataIndex: "code",
      width: 160,
      sorter: (a, b) => collator.compare(a.code, b.code),
      defaultSortOrder: "ascend",
    },
    { title: t("positions.name"), dataIndex: "name", sorter: (a, b) => collator.compare(a.name, b.name) },
    {
      title: t("common.actions"),
      key: "actions",
      width: 120,
      render: (_, p) => (
        <Space>
          <Button icon={<EditOutlined />} aria-label={`${t("common.edit")} ${p.name}`} onClick={() => setEditing(p)} />
          <Button
            danger
            icon={<DeleteOutlined />}
            aria-label={`${t("common.delete")} ${p.name}`}
            onClick={() => confirmDelete(p)}
          />
        </Space>
      ),
    },
  ];

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("positions.title")}
      </Typography.Title>
      <Card>
        <div className="toolbar">
          <AgencySelect
            value={agencyId}
            onChange={(v) => setParams(v ? { coQuan: v } : {}, { replace: true })}
            style={{ minWidth: 280, flex: "1 1 280px" }}
          />
          <Input.Search
            className="grow"
            placeholder={t("positions.searchPlaceholder")}
            allowClear
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            disabled={!agencyId}
            aria-label={t("positions.searchPlaceholder")}
          />
          <Button type="primary" icon={<PlusOutlined />} disabled={!agencyId} onClick={() => setEditing("new")}>
            {t("positions.add")}
          </Button>
        </div>
        {!agencyId ? (
          <Empty description={t("positions.pickAgency")} />
        ) : positions.isError ? (
          <Alert type="error" showIcon title={errorMessage(positions.error)} />
        ) : (
          <Table<Position>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={positions.isFetching}
            scroll={{ x: 560 }}
            locale={{ emptyText: t("positions.empty") }}
            pagination={{
              defaultPageSize: 20,
              showSizeChanger: true,
              showTotal: (total, [from, to]) => t("common.rangeOfTotal", { from, to, total }),
            }}
          />
        )}
      </Card>
      {editing && agencyId && (
        <PositionModal
          agencyId={agencyId}
          position={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
