import { DeleteOutlined, EditOutlined, KeyOutlined, PlusOutlined, UnlockOutlined } from "@ant-design/icons";
import { type Grant, limits, type Role, roles, type User } from "@thuocdo/contract";
import {
  Alert,
  App,
  Button,
  Card,
  Divider,
  Drawer,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  type TableProps,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { errorMessage } from "../api/errors.ts";
import {
  useAddGrant,
  useCreateUser,
  useRemoveGrant,
  useResetPassword,
  useUpdateUser,
  useUsers,
} from "../api/queries/admin.ts";
import { sortGrants } from "../auth/access.ts";
import { RequireRole } from "../auth/RequireAuth.tsx";
import { PersonSelect } from "../components/PersonSelect.tsx";
import { UnitTreeSelect } from "../components/UnitPickers.tsx";
import { useErrorHandler } from "../components/useErrorHandler.ts";
import { fold, formatDateTime, t } from "../i18n/index.ts";
import { passwordRules, requiredSelect, requiredText, usernameRules } from "../lib/rules.ts";

const collator = new Intl.Collator("vi", { numeric: true });

function isLocked(u: User, now: number): boolean {
  return u.lockedUntil !== null && new Date(u.lockedUntil).getTime() > now;
}

interface CreateForm {
  username: string;
  displayName: string;
  personId?: string | null;
  password: string;
}

interface EditForm {
  displayName: string;
  personId?: string | null;
  active: boolean;
}

function GrantsEditor({ user }: { user: User }) {
  const [form] = Form.useForm<{ role: Role; orgUnitId: string }>();
  const add = useAddGrant();
  const remove = useRemoveGrant();
  const onError = useErrorHandler(form);
  const { message } = App.useApp();
  const grants = sortGrants(user.grants);
  return (
    <>
      <Divider titlePlacement="start">{t("admin.grants")}</Divider>
      {grants.length === 0 && <Typography.Text type="secondary">{t("admin.noGrants")}</Typography.Text>}
      <Space orientation="vertical" style={{ width: "100%" }}>
        {grants.map((g: Grant) => (
          <Space key={g.id} wrap>
            <Tag color="blue">{t(`roles.${g.role}`)}</Tag>
            <span>{g.orgUnitName}</span>
            <Popconfirm
              title={t("admin.confirmRemoveGrant", { role: t(`roles.${g.role}`), unit: g.orgUnitName })}
              okText={t("admin.removeGrant")}
              cancelText={t("common.cancel")}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove.mutateAsync(g.id).then(() => message.success(t("admin.grantRemoved")), onError)}
            >
              <Button size="small" danger icon={<DeleteOutlined />}>
                {t("admin.removeGrant")}
              </Button>
            </Popconfirm>
          </Space>
        ))}
      </Space>
      <Form
        form={form}
        layout="vertical"
        style={{ marginTop: 16 }}
        name="grant"
        onFinish={(v) =>
          add.mutate(
            { userId: user.id, body: v },
            {
              onSuccess: () => {
                message.success(t("admin.grantAdded"));
                form.resetFields();
              },
              onError,
            },
          )
        }
      >
        <Form.Item label={t("admin.role")} name="role" rules={requiredSelect(t("admin.role"))}>
          <Select options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
        <Form.Item label={t("admin.scope")} name="orgUnitId" rules={requiredSelect(t("admin.scope"))}>
          <UnitTreeSelect />
        </Form.Item>
        <Button htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
          {t("admin.addGrant")}
        </Button>
      </Form>
    </>
  );
}

function UserDrawer({ user, onClose }: { user: User | null; onClose: () => void }) {
  const [createForm] = Form.useForm<CreateForm>();
  const [editForm] = Form.useForm<EditForm>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const onCreateError = useErrorHandler(createForm);
  const onEditError = useErrorHandler(editForm);
  const { message } = App.useApp();
  const { data: users } = useUsers();
  // After creating, keep the drawer open on the new account so roles can be granted right away.
  const [createdId, setCreatedId] = useState<string | null>(null);
  const current = user ?? users?.find((u) => u.id === createdId) ?? null;
  const fresh = current ? (users?.find((u) => u.id === current.id) ?? current) : null;

  return (
    <Drawer
      open
      title={fresh ? `${t("admin.edit")}: ${fresh.username}` : t("admin.add")}
      onClose={onClose}
      size={520}
      destroyOnHidden
    >
      {!fresh ? (
        <Form<CreateForm>
          form={createForm}
          layout="vertical"
          name="create-user"
          onFinish={(v) =>
            create.mutate(
              { ...v, personId: v.personId ?? null },
              {
                onSuccess: (u) => {
                  message.success(t("admin.created", { name: u.username }));
                  setCreatedId(u.id);
                },
                onError: onCreateError,
              },
            )
          }
        >
          <Form.Item
            label={t("admin.username")}
            name="username"
            rules={usernameRules()}
            extra={t("admin.usernameHint")}
          >
            <Input autoComplete="off" autoCapitalize="none" maxLength={limits.usernameMax} autoFocus />
          </Form.Item>
          <Form.Item label={t("admin.displayName")} name="displayName" rules={requiredText(t("admin.displayName"))}>
            <Input maxLength={limits.nameMax} />
          </Form.Item>
          <Form.Item label={t("admin.person")} name="personId">
            <PersonSelect />
          </Form.Item>
          <Form.Item
            label={t("admin.initialPassword")}
            name="password"
            rules={passwordRules(t("admin.initialPassword"))}
            extra={t("admin.initialPasswordHint")}
            hasFeedback
          >
            <Input.Password autoComplete="new-password" maxLength={limits.passwordMax} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t("common.save")}
          </Button>
        </Form>
      ) : (
        <>
          <Form<EditForm>
            form={editForm}
            layout="vertical"
            name="edit-user"
            initialValues={{ displayName: fresh.displayName, personId: fresh.personId, active: fresh.active }}
            onFinish={(v) =>
              update.mutate(
                { id: fresh.id, body: { version: fresh.version, ...v, personId: v.personId ?? null } },
                { onSuccess: () => message.success(t("common.saved")), onError: onEditError },
              )
            }
          >
            <Form.Item label={t("admin.displayName")} name="displayName" rules={requiredText(t("admin.displayName"))}>
              <Input maxLength={limits.nameMax} />
            </Form.Item>
            <Form.Item label={t("admin.person")} name="personId">
              <PersonSelect />
            </Form.Item>
            <Form.Item label={t("common.active")} name="active" valuePropName="checked">
              <Switch />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={update.isPending}>
              {t("common.save")}
            </Button>
          </Form>
          <GrantsEditor user={fresh} />
        </>
      )}
    </Drawer>
  );
}

function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetPassword();
  const onError = useErrorHandler(form);
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={t("admin.resetPasswordFor", { name: user.displayName })}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="reset-password"
        onFinish={(v) =>
          reset.mutate(
            { id: user.id, password: v.password },
            {
              onSuccess: () => {
                message.success(t("admin.passwordReset"));
                onClose();
              },
              onError,
            },
          )
        }
      >
        <Form.Item
          label={t("auth.newPassword")}
          name="password"
          rules={passwordRules(t("auth.newPassword"))}
          extra={t("admin.initialPasswordHint")}
          hasFeedback
        >
          <Input.Password autoComplete="new-password" maxLength={limits.passwordMax} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function UsersPage() {
  return (
    <RequireRole roles={["admin"]}>
      <Users />
    </RequireRole>
  );
}

function Users() {
  const users = useUsers();
  const update = useUpdateUser();
  const onError = useErrorHandler();
  const { modal, message } = App.useApp();
  const [search, setSearch] = useState("");
  const [drawer, setDrawer] = useState<User | "new" | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const now = Date.now();

  const rows = useMemo(() => {
    const q = fold(search.trim());
    const all = users.data ?? [];
    return q ? all.filter((u) => fold(`${u.username} ${u.displayName}`).includes(q)) : all;
  }, [users.data, search]);

  const toggleActive = (u: User) => {
    const apply = () =>
      update
        .mutateAsync({ id: u.id, body: { version: u.version, active: !u.active } })
        .then(() => message.success(t("common.saved")), onError);
    if (!u.active) return void apply();
    modal.confirm({
      title: t("admin.deactivate"),
      content: t("admin.confirmDeactivate", { name: u.displayName }),
      okText: t("admin.deactivate"),
      okButtonProps: { danger: true },
      cancelText: t("common.cancel"),
      onOk: apply,
    });
  };

  const unlock = (u: User) =>
    update
      .mutateAsync({ id: u.id, body: { version: u.version, unlock: true } })
      .then(() => message.success(t("admin.unlocked")), onError);

  const columns: TableProps<User>["columns"] = [
    {
      title: t("admin.username"),
      dataIndex: "username",
      sorter: (a, b) => collator.compare(a.username, b.username),
      defaultSortOrder: "ascend",
    },
    {
      title: t("admin.displayName"),
      dataIndex: "displayName",
      sorter: (a, b) => collator.compare(a.displayName, b.displayName),
    },
    {
      title: t("admin.grants"),
      key: "grants",
      filters: roles.map((r) => ({ text: t(`roles.${r}`), value: r })),
      onFilter: (value, u) => u.grants.some((g) => g.role === value),
      render: (_, u) =>
        u.grants.length === 0 ? (
          <Typography.Text type="secondary">{t("admin.noGrants")}</Typography.Text>
        ) : (
          <Space size={[4, 4]} wrap>
            {sortGrants(u.grants).map((g) => (
              <Tooltip key={g.id} title={g.orgUnitName}>
                <Tag color="blue">{t(`roles.${g.role}`)}</Tag>
              </Tooltip>
            ))}
          </Space>
        ),
    },
    {
      title: t("common.status"),
      key: "status",
      width: 200,
      filters: [
        { text: t("common.active"), value: "active" },
        { text: t("common.inactive"), value: "inactive" },
      ],
      onFilter: (value, u) => (value === "active" ? u.active : !u.active),
      render: (_, u) => (
        <Space orientation="vertical" size={2}>
          {u.active ? <Tag color="green">{t("common.active")}</Tag> : <Tag>{t("common.inactive")}</Tag>}
          {isLocked(u, now) && <Tag color="red">{t("admin.locked", { until: formatDateTime(u.lockedUntil) })}</Tag>}
        </Space>
      ),
    },
    {
      title: t("common.actions"),
      key: "actions",
      fixed: "right",
      width: 200,
      render: (_, u) => (
        <Space wrap>
          <Tooltip title={t("common.edit")}>
            <Button
              icon={<EditOutlined />}
              aria-label={`${t("common.edit")} ${u.username}`}
              onClick={() => setDrawer(u)}
            />
          </Tooltip>
          <Tooltip title={t("admin.resetPassword")}>
            <Button
              icon={<KeyOutlined />}
              aria-label={`${t("admin.resetPassword")} ${u.username}`}
              onClick={() => setResetting(u)}
            />
          </Tooltip>
          {isLocked(u, now) && (
            <Tooltip title={t("admin.unlock")}>
              <Button
                icon={<UnlockOutlined />}
                aria-label={`${t("admin.unlock")} ${u.username}`}
                onClick={() => unlock(u)}
              />
            </Tooltip>
          )}
          <Button size="small" danger={u.active} onClick={() => toggleActive(u)}>
            {u.active ? t("admin.deactivate") : t("admin.activate")}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("admin.title")}
      </Typography.Title>
      <Card>
        <div className="toolbar">
          <Input.Search
            className="grow"
            placeholder={t("admin.searchPlaceholder")}
            allowClear
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            aria-label={t("common.search")}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer("new")}>
            {t("admin.add")}
          </Button>
        </div>
        {users.isError ? (
          <Alert type="error" showIcon title={errorMessage(users.error)} />
        ) : (
          <Table<User>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={users.isFetching}
            scroll={{ x: 900 }}
            locale={{ emptyText: t("admin.empty") }}
            pagination={{
              defaultPageSize: 20,
              showSizeChanger: true,
              showTotal: (total, [from, to]) => t("common.rangeOfTotal", { from, to, total }),
            }}
          />
        )}
      </Card>
      {drawer && <UserDrawer user={drawer === "new" ? null : drawer} onClose={() => setDrawer(null)} />}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}
