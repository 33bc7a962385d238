import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { limits, type OrgUnit, type OrgUnitKind } from "@thuocdo/contract";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Spin,
  Tag,
  Tooltip,
  Tree,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { errorMessage, isApiError } from "../api/errors.ts";
import { useCreateUnit, useDeleteUnit, useUnits, useUpdateUnit } from "../api/queries/org.ts";
import { RequireRole } from "../auth/RequireAuth.tsx";
import { useErrorHandler } from "../components/useErrorHandler.ts";
import { fold, formatNumber, t } from "../i18n/index.ts";
import { optionalText, requiredSelect, requiredText } from "../lib/rules.ts";
import { agencyOf, childKinds, filterTree, isAgency, type UnitNode, unitPath } from "../lib/tree.ts";

interface TreeItem {
  key: string;
  title: React.ReactNode;
  children: TreeItem[];
}

function toTreeData(nodes: UnitNode[]): TreeItem[] {
  return nodes.map((n) => ({
    key: n.unit.id,
    title: (
      <span data-unit-id={n.unit.id}>
        <span className="unit-name">{n.unit.name}</span>
        {isAgency(n.unit.kind) && (
          <Tag style={{ marginInlineStart: 8 }} color="blue" variant="filled">
            {t(`unitKinds.${n.unit.kind}`)}
          </Tag>
        )}
      </span>
    ),
    children: toTreeData(n.children),
  }));
}

function defaultExpanded(nodes: UnitNode[]): string[] {
  return nodes.flatMap((n) =>
    n.depth < 2 && n.children.length > 0 ? [n.unit.id, ...defaultExpanded(n.children)] : [],
  );
}

function findNode(nodes: UnitNode[], id: string): UnitNode | null {
  for (const n of nodes) {
    if (n.unit.id === id) return n;
    const hit = findNode(n.children, id);
    if (hit) return hit;
  }
  return null;
}

interface UnitForm {
  kind?: OrgUnitKind;
  name: string;
  code?: string | null;
  sortOrder?: number | null;
}

function UnitFormFields({ kinds }: { kinds?: OrgUnitKind[] }) {
  return (
    <>
      {kinds && (
        <Form.Item label={t("org.unitKind")} name="kind" rules={requiredSelect(t("org.unitKind"))}>
          <Select options={kinds.map((k) => ({ value: k, label: t(`unitKinds.${k}`) }))} />
        </Form.Item>
      )}
      <Form.Item label={t("org.unitName")} name="name" rules={requiredText(t("org.unitName"), limits.nameMax)}>
        <Input placeholder={t("org.unitNamePlaceholder")} maxLength={limits.nameMax} showCount />
      </Form.Item>
      <Form.Item label={t("org.unitCode")} name="code" rules={optionalText(t("org.unitCode"), limits.codeMax)}>
        <Input maxLength={limits.codeMax} />
      </Form.Item>
      <Form.Item label={t("org.sortOrder")} name="sortOrder">
        <InputNumber min={0} max={100000} precision={0} style={{ width: "100%" }} />
      </Form.Item>
    </>
  );
}

function AddUnitModal({
  parent,
  onClose,
  onCreated,
}: {
  parent: OrgUnit;
  onClose: () => void;
  onCreated: (u: OrgUnit) => void;
}) {
  const [form] = Form.useForm<UnitForm>();
  const create = useCreateUnit();
  const onError = useErrorHandler(form);
  const { message } = App.useApp();
  const kinds = childKinds(parent.kind);
  const submit = (v: UnitForm) =>
    create.mutate(
      {
        parentId: parent.id,
        kind: v.kind ?? "division",
        name: v.name,
        code: v.code || null,
        sortOrder: v.sortOrder ?? undefined,
      },
      {
        onSuccess: (u) => {
          message.success(t("org.created", { name: u.name }));
          onCreated(u);
        },
        onError,
      },
    );
  return (
    <Modal
      open
      title={t("org.addUnitUnder", { name: parent.name })}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<UnitForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: kinds.includes("division") ? "division" : kinds[0] }}
        name="add-unit"
      >
        <UnitFormFields kinds={kinds} />
      </Form>
    </Modal>
  );
}

function EditUnitModal({ unit, onClose }: { unit: OrgUnit; onClose: () => void }) {
  const [form] = Form.useForm<UnitForm>();
  const update = useUpdateUnit();
  const onError = useErrorHandler(form);
  const { message } = App.useApp();
  const submit = (v: UnitForm) =>
    update.mutate(
      {
        id: unit.id,
        body: { version: unit.version, name: v.name, code: v.code || null, sortOrder: v.sortOrder ?? undefined },
      },
      {
        onSuccess: () => {
          message.success(t("common.saved"));
          onClose();
        },
        onError,
      },
    );
  return (
    <Modal
      open
      title={t("org.editUnit")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <Form<UnitForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ name: unit.name, code: unit.code, sortOrder: unit.sortOrder }}
        name="edit-unit"
      >
        <UnitFormFields />
      </Form>
    </Modal>
  );
}

function UnitDetails({
  node,
  byId,
  onAdd,
  onEdit,
  onDeleted,
}: {
  node: UnitNode;
  byId: ReadonlyMap<string, OrgUnit>;
  onAdd: () => void;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const { unit } = node;
  const { modal, message } = App.useApp();
  const del = useDeleteUnit();
  const onError = useErrorHandler();
  const agency = agencyOf(unit.id, byId);
  const parent = unit.parentId ? byId.get(unit.parentId) : undefined;
  const canAddChild = childKinds(unit.kind).length > 0;

  const confirmDelete = () =>
    modal.confirm({
      title: t("org.deleteUnit"),
      content: t("common.confirmDelete", { name: unit.name }),
      okText: t("common.delete"),
      okButtonProps: { danger: true },
      cancelText: t("common.cancel"),
      onOk: () =>
        del.mutateAsync(unit.id).then(
          () => {
            message.success(t("common.deleted"));
            onDeleted();
          },
          (e: unknown) => {
            if (isApiError(e, "IN_USE")) message.error(t("org.inUse", { name: unit.name }));
            else onError(e);
          },
        ),
    });

  return (
    <Card
      title={t("org.details")}
      extra={
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={onAdd} disabled={!canAddChild}>
            {t("org.addUnit")}
          </Button>
          <Button icon={<EditOutlined />} onClick={onEdit}>
            {t("common.edit")}
          </Button>
          <Tooltip title={parent ? undefined : t("org.cannotDeleteRoot")}>
            <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} disabled={!parent} loading={del.isPending}>
              {t("common.delete")}
            </Button>
          </Tooltip>
        </Space>
      }
    >
      {!canAddChild && <Alert type="info" showIcon title={t("org.noChildKinds")} style={{ marginBottom: 12 }} />}
      <Descriptions
        column={1}
        bordered
        size="small"
        styles={{ label: { width: 200 } }}
        items={[
          { key: "name", label: t("org.unitName"), children: <Typography.Text strong>{unit.name}</Typography.Text> },
          {
            key: "kind",
            label: t("org.unitKind"),
            children: (
              <>
                {t(`unitKinds.${unit.kind}`)}
                {isAgency(unit.kind) && (
                  <Tag color="blue" style={{ marginInlineStart: 8 }}>
                    {t("org.isAgency")}
                  </Tag>
                )}
              </>
            ),
          },
          { key: "code", label: t("org.unitCode"), children: unit.code ?? t("common.none") },
          {
            key: "parent",
            label: t("org.parent"),
            children: unit.parentId ? unitPath(unit.parentId, byId).join(" › ") || t("common.none") : t("common.none"),
          },
          { key: "agency", label: t("org.agencyOf"), children: agency?.name ?? t("common.none") },
          { key: "children", label: t("org.childCount"), children: formatNumber(node.children.length) },
          { key: "sort", label: t("org.sortOrder"), children: formatNumber(unit.sortOrder) },
        ]}
      />
    </Card>
  );
}

export function OrgTreePage() {
  return (
    <RequireRole roles={["hr"]}>
      <OrgTree />
    </RequireRole>
  );
}

function OrgTree() {
  const { tree, byId, isPending, isError, error, refetch } = useUnits();
  const [selected, setSelected] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [search, setSearch] = useState("");
  const [dialog, setDialog] = useState<"add" | "edit" | null>(null);

  const visible = useMemo(() => {
    const q = fold(search.trim());
    return q ? filterTree(tree, (u) => fold(u.name).includes(q) || fold(u.code ?? "").includes(q)) : tree;
  }, [tree, search]);
  const treeData = useMemo(() => toTreeData(visible), [visible]);
  const expandedKeys = search.trim() ? [...byId.keys()] : (expanded ?? defaultExpanded(tree));
  const node = selected ? findNode(tree, selected) : null;

  if (isPending) return <Spin />;
  if (isError)
    return (
      <Alert
        type="error"
        showIcon
        title={errorMessage(error)}
        action={<Button onClick={() => refetch()}>{t("common.reload")}</Button>}
      />
    );

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("org.title")}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t("org.treeTitle")}>
            <Input.Search
              placeholder={t("org.searchTree")}
              allowClear
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              style={{ marginBottom: 12 }}
              aria-label={t("org.searchTree")}
            />
            {treeData.length === 0 ? (
              <Empty description={t("org.empty")} />
            ) : (
              <Tree
                treeData={treeData}
                showLine
                blockNode
                selectedKeys={selected ? [selected] : []}
                expandedKeys={expandedKeys}
                onExpand={(keys) => setExpanded(keys.map(String))}
                onSelect={(keys) => setSelected(keys[0] !== undefined ? String(keys[0]) : null)}
                aria-label={t("org.treeTitle")}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {node ? (
            <UnitDetails
              node={node}
              byId={byId}
              onAdd={() => setDialog("add")}
              onEdit={() => setDialog("edit")}
              onDeleted={() => setSelected(node.unit.parentId)}
            />
          ) : (
            <Card>
              <Empty description={t("org.selectNode")} />
            </Card>
          )}
        </Col>
      </Row>
      {dialog === "add" && node && (
        <AddUnitModal
          parent={node.unit}
          onClose={() => setDialog(null)}
          onCreated={(u) => {
            setDialog(null);
            setExpanded((keys) => [...new Set([...(keys ?? defaultExpanded(tree)), node.unit.id])]);
            setSelected(u.id);
          }}
        />
      )}
      {dialog === "edit" && node && <EditUnitModal unit={node.unit} onClose={() => setDialog(null)} />}
    </>
  );
}
