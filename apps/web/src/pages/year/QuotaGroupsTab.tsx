import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { leaderRoles, limits, type QuotaGroup } from "@thuocdo/contract";
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  TreeSelect,
} from "antd";
import { useState } from "react";
import { errorMessage } from "../../api/errors.ts";
import { usePositions, useUnits } from "../../api/queries/org.ts";
import {
  useCreateQuotaGroup,
  useDeleteQuotaGroup,
  useQuotaGroups,
  useUpdateQuotaGroup,
} from "../../api/queries/year.ts";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { t } from "../../i18n/index.ts";

interface Values {
  name: string;
  leaderRoles: QuotaGroup["members"]["leaderRoles"];
  positionIds: string[];
  unitIds: string[];
  sortOrder?: number;
}

function GroupModal({ agencyId, group, onClose }: { agencyId: string; group: QuotaGroup | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const onError = useErrorHandler(form);
  const create = useCreateQuotaGroup();
  const update = useUpdateQuotaGroup();
  const positions = usePositions(agencyId);
  const { units } = useUnits();
  const { message } = App.useApp();
  const onFinish = (v: Values) => {
    const members = { leaderRoles: v.leaderRoles ?? [], positionIds: v.positionIds ?? [], unitIds: v.unitIds ?? [] };
    const done = {
      onSuccess: () => {
        message.success(t("common.saved"));
        onClose();
      },
      onError,
    };
    if (group)
      update.mutate(
        { id: group.id, body: { version: group.version, name: v.name, members, sortOrder: v.sortOrder } },
        done,
      );
    else create.mutate({ agencyId, name: v.name, members, sortOrder: v.sortOrder }, done);
  };
  return (
    <Modal
      open
      title={group ? t("quotaGroups.edit") : t("quotaGroups.add")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          name: group?.name,
          leaderRoles: group?.members.leaderRoles ?? [],
          positionIds: group?.members.positionIds ?? [],
          unitIds: group?.members.unitIds ?? [],
          sortOrder: group?.sortOrder,
        }}
      >
        <Form.Item
          name="name"
          label={t("common.name")}
          rules={[{ required: true, whitespace: true, message: t("quotaGroups.nameRequired") }]}
        >
          <Input maxLength={limits.nameMax} />
        </Form.Item>
        <Form.Item name="leaderRoles" label={t("quotaGroups.leaderRoles")}>
          <Select mode="multiple" options={leaderRoles.map((r) => ({ value: r, label: t(`leaderRoles.${r}`) }))} />
        </Form.Item>
        <Form.Item name="positionIds" label={t("quotaGroups.positions")}>
          <Select
            mode="multiple"
            loading={positions.isPending}
            optionFilterProp="label"
            options={(positions.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="unitIds" label={t("quotaGroups.units")}>
          <TreeSelect
            multiple
            treeDataSimpleMode
            treeData={units.map((u) => ({ id: u.id, pId: u.parentId ?? undefined, value: u.id, title: u.name }))}
            treeDefaultExpandAll
          />
        </Form.Item>
        <Form.Item name="sortOrder" label={t("quotaGroups.sortOrder")} extra={t("quotaGroups.sortHelp")}>
          <InputNumber min={0} max={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * Quota groups (nhóm công chức có nhiệm vụ tương đồng, Art. 20.5): who falls in each by leader role,
 * position and unit. The 20% (or granted 25%) cap applies in each group and agency-wide.
 */
export function QuotaGroupsTab({ agencyId, canEdit }: { agencyId: string; canEdit: boolean }) {
  const groups = useQuotaGroups(agencyId);
  const remove = useDeleteQuotaGroup();
  const positions = usePositions(agencyId);
  const { byId } = useUnits();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<QuotaGroup | "new" | null>(null);
  const positionName = (id: string) => positions.data?.find((p) => p.id === id)?.name ?? id;
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t("quotaGroups.help")} />
      {canEdit && (
        <div className="toolbar">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
            {t("quotaGroups.add")}
          </Button>
        </div>
      )}
      {groups.isError && <Alert type="error" showIcon title={errorMessage(groups.error)} />}
      <Table<QuotaGroup>
        rowKey="id"
        loading={groups.isFetching}
        dataSource={[...(groups.data ?? [])].sort((a, b) => a.sortOrder - b.sortOrder)}
        pagination={false}
        locale={{ emptyText: t("quotaGroups.empty") }}
        columns={[
          { title: t("quotaGroups.sortOrder"), dataIndex: "sortOrder", width: 90 },
          { title: t("common.name"), dataIndex: "name" },
          {
            title: t("quotaGroups.members"),
            key: "members",
            render: (_, g) => (
              <Space size={4} wrap>
                {g.members.leaderRoles.map((r) => (
                  <Tag key={r} color="gold">
                    {t(`leaderRoles.${r}`)}
                  </Tag>
                ))}
                {g.members.positionIds.map((id) => (
                  <Tag key={id} color="blue">
                    {positionName(id)}
                  </Tag>
                ))}
                {g.members.unitIds.map((id) => (
                  <Tag key={id}>{byId.get(id)?.name ?? id}</Tag>
                ))}
                {g.members.leaderRoles.length + g.members.positionIds.length + g.members.unitIds.length === 0 &&
                  t("quotaGroups.everyone")}
              </Space>
            ),
          },
          ...(canEdit
            ? [
                {
                  title: t("common.actions"),
                  key: "actions",
                  width: 110,
                  render: (_: unknown, g: QuotaGroup) => (
                    <Space>
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={t("common.edit")}
                        onClick={() => setEditing(g)}
                      />
                      <Popconfirm
                        title={t("common.confirmDelete", { name: g.name })}
                        okText={t("common.delete")}
                        cancelText={t("common.cancel")}
                        onConfirm={() =>
                          remove.mutateAsync(g.id).then(
                            () => message.success(t("common.deleted")),
                            (e) => message.error(errorMessage(e)),
                          )
                        }
                      >
                        <Button size="small" danger icon={<DeleteOutlined />} aria-label={t("common.delete")} />
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <GroupModal agencyId={agencyId} group={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
