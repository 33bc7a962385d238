import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  PlusOutlined,
  WarningOutlined,
} from "@ant-design/icons";
import type { FrameworkCriterion as Criterion, Framework } from "@thuocdo/contract";
import { Alert, Button, Card, Col, Row, Space, Tag, Tooltip, Tree, type TreeDataNode, Typography } from "antd";
import { useMemo, useState } from "react";
import { useMoveCriterion } from "../../api/queries/agency.ts";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { t } from "../../i18n/index.ts";
import { buildCriteriaTree, type CriterionNode, type DropPosition, moveCriterion } from "../../lib/criteriaTree.ts";
import { formatScore } from "../../lib/score.ts";
import { CriterionForm, type CriterionTarget } from "./CriterionForm.tsx";
import { maxLabel } from "./criteriaColumns.tsx";
import { issueText } from "./frameworkIssueText.ts";

function toTreeData(nodes: CriterionNode<Criterion>[], flagged: ReadonlySet<string>): TreeDataNode[] {
  return nodes.map(({ criterion: c, children }) => ({
    key: c.id,
    title: (
      <span className="criterion-node" data-code={c.code}>
        <Typography.Text strong={children.length > 0}>
          {c.code}. {c.name}
        </Typography.Text>{" "}
        <Tag>{maxLabel(c)}</Tag>
        {c.kind !== "scored" && <Tag color={c.kind === "bonus" ? "green" : "red"}>{t(`agencyKinds.${c.kind}`)}</Tag>}
        {c.appraiserUnitName && <Tag color="purple">{c.appraiserUnitName}</Tag>}
        {flagged.has(c.id) && (
          <WarningOutlined style={{ color: "#cf1322" }} aria-label={t("agencyFrameworks.hasIssue")} />
        )}
      </span>
    ),
    children: toTreeData(children, flagged),
  }));
}

/**
 * The criteria tree: drag a criterion to reorder it or move it under another one; the buttons do
 * the same from the keyboard. The side form edits the selected criterion, and the totals and
 * issues (children's sum vs the parent's max, base total 100) update with every change.
 */
export function CriteriaEditor({ framework: f, editable }: { framework: Framework; editable: boolean }) {
  const [target, setTarget] = useState<CriterionTarget | null>(null);
  const move = useMoveCriterion();
  const onError = useErrorHandler();
  const tree = useMemo(() => buildCriteriaTree(f.criteria), [f.criteria]);
  const flagged = useMemo(() => new Set(f.issues.flatMap((i) => (i.criterionId ? [i.criterionId] : []))), [f.issues]);
  const treeData = useMemo(() => toTreeData(tree, flagged), [tree, flagged]);
  const codeOf = (id: string) => f.criteria.find((c) => c.id === id)?.code;
  const selected = target?.mode === "edit" ? f.criteria.find((c) => c.id === target.id) : undefined;

  const place = (dragId: string, targetId: string, position: DropPosition) => {
    const ordered = moveCriterion(f.criteria, dragId, targetId, position);
    const mine = ordered?.find((o) => o.id === dragId);
    if (!ordered || !mine) return;
    move.mutate({ id: dragId, body: { parentId: mine.parentId, position: mine.sortOrder } }, { onError });
  };

  const siblingsOf = (c: Criterion) =>
    f.criteria.filter((x) => x.parentId === c.parentId).sort((a, b) => a.sortOrder - b.sortOrder);
  const keyboardMoves = (c: Criterion) => {
    const siblings = siblingsOf(c);
    const i = siblings.findIndex((x) => x.id === c.id);
    const before = siblings[i - 1];
    const after = siblings[i + 1];
    return {
      up: before ? () => place(c.id, before.id, "before") : undefined,
      down: after ? () => place(c.id, after.id, "after") : undefined,
      indent:
        before && before.kind === "scored" && c.kind === "scored" ? () => place(c.id, before.id, "inside") : undefined,
      outdent: c.parentId ? () => place(c.id, c.parentId ?? "", "after") : undefined,
    };
  };
  const moves = selected && editable ? keyboardMoves(selected) : null;

  return (
    <Card
      title={t("agencyFrameworks.criteriaTitle")}
      extra={
        editable && (
          <Button icon={<PlusOutlined />} onClick={() => setTarget({ mode: "new", parentId: null })}>
            {t("agencyFrameworks.addTop")}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }} data-testid="framework-totals">
        <Tag color={f.totals.base === 100 ? "green" : "red"}>
          {t("agencyFrameworks.baseTotal", { total: formatScore(f.totals.base) })}
        </Tag>
        <Tag color="green">{t("agencyFrameworks.bonusTotal", { total: formatScore(f.totals.bonusMax) })}</Tag>
        <Tag color="red">{t("agencyFrameworks.penaltyTotal", { total: formatScore(f.totals.penaltyMax) })}</Tag>
        <Typography.Text type="secondary">{t("agencyFrameworks.capNote")}</Typography.Text>
      </Space>
      {f.issues.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("agencyFrameworks.issuesTitle", { n: f.issues.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="framework-issues">
              {f.issues.map((i) => (
                <li key={`${i.code}:${i.criterionId ?? ""}`}>{issueText(i, codeOf)}</li>
              ))}
            </ul>
          }
        />
      ) : (
        f.criteria.length > 0 && (
          <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t("agencyFrameworks.noIssues")} />
        )
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          {moves && (
            <Space wrap style={{ marginBottom: 8 }}>
              <Tooltip title={t("agencyFrameworks.moveUp")}>
                <Button
                  size="small"
                  icon={<ArrowUpOutlined />}
                  disabled={!moves.up}
                  onClick={moves.up}
                  aria-label={t("agencyFrameworks.moveUp")}
                />
              </Tooltip>
              <Tooltip title={t("agencyFrameworks.moveDown")}>
                <Button
                  size="small"
                  icon={<ArrowDownOutlined />}
                  disabled={!moves.down}
                  onClick={moves.down}
                  aria-label={t("agencyFrameworks.moveDown")}
                />
              </Tooltip>
              <Tooltip title={t("agencyFrameworks.indent")}>
                <Button
                  size="small"
                  icon={<MenuUnfoldOutlined />}
                  disabled={!moves.indent}
                  onClick={moves.indent}
                  aria-label={t("agencyFrameworks.indent")}
                />
              </Tooltip>
              <Tooltip title={t("agencyFrameworks.outdent")}>
                <Button
                  size="small"
                  icon={<MenuFoldOutlined />}
                  disabled={!moves.outdent}
                  onClick={moves.outdent}
                  aria-label={t("agencyFrameworks.outdent")}
                />
              </Tooltip>
              <Typography.Text type="secondary">{t("agencyFrameworks.dragHint")}</Typography.Text>
            </Space>
          )}
          {f.criteria.length === 0 ? (
            <Typography.Text type="secondary">{t("agencyFrameworks.noCriteriaYet")}</Typography.Text>
          ) : (
            <Tree
              blockNode
              defaultExpandAll
              draggable={editable ? { icon: false } : false}
              treeData={treeData}
              selectedKeys={selected ? [selected.id] : []}
              onSelect={(keys) => {
                const id = keys[0];
                setTarget(typeof id === "string" ? { mode: "edit", id } : null);
              }}
              allowDrop={({ dragNode, dropNode, dropPosition }) => {
                const position: DropPosition = dropPosition === 0 ? "inside" : dropPosition < 0 ? "before" : "after";
                return moveCriterion(f.criteria, String(dragNode.key), String(dropNode.key), position) !== null;
              }}
              onDrop={(info) => {
                const pos = info.node.pos.split("-");
                const relative = info.dropPosition - Number(pos[pos.length - 1]);
                const position: DropPosition = !info.dropToGap ? "inside" : relative < 0 ? "before" : "after";
                place(String(info.dragNode.key), String(info.node.key), position);
              }}
            />
          )}
        </Col>
        <Col xs={24} lg={10}>
          {target ? (
            <CriterionForm
              key={target.mode === "edit" ? target.id : `new:${target.parentId ?? "top"}`}
              framework={f}
              target={target}
              editable={editable}
              onDone={(next) => setTarget(next)}
            />
          ) : (
            <Typography.Text type="secondary">{t("agencyFrameworks.pickCriterion")}</Typography.Text>
          )}
        </Col>
      </Row>
    </Card>
  );
}
