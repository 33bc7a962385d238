import type { Cycle } from "@thuocdo/contract";
import { App, Button, Card, Checkbox, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useCouncilCandidates, useSetCouncil } from "../../api/queries/agency.ts";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { t } from "../../i18n/index.ts";

type Pick = { member: boolean; present: boolean };

/** The council of the cycle (users with the council role) and who is present for the vote. */
export function CouncilSetupCard({ cycle: c }: { cycle: Cycle }) {
  const candidates = useCouncilCandidates(c.id, c.can.manage);
  const save = useSetCouncil();
  const onError = useErrorHandler();
  const { message } = App.useApp();
  const initial = Object.fromEntries(c.members.map((m) => [m.userId, { member: true, present: m.present }]));
  const [picks, setPicks] = useState<Record<string, Pick>>(initial);
  const rows = candidates.data ?? [];
  const chosen = Object.entries(picks).filter(([, p]) => p.member);
  const editable =
    c.can.manage &&
    (c.step === "explanation" || c.step === "council" || c.step === "appraisal" || c.step === "self_assessment");

  return (
    <Card
      title={t("agencyAdmin.councilTitle", { n: c.members.length })}
      extra={
        <Typography.Text type="secondary">
          {t("agencyAdmin.quorumIs", { quorum: c.quorum ?? Math.floor(c.members.length / 2) + 1 })}
        </Typography.Text>
      }
    >
      <Table
        size="small"
        rowKey="userId"
        loading={candidates.isFetching}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t("agencyAdmin.noCandidates") }}
        columns={[
          {
            title: t("agencyAdmin.member"),
            key: "member",
            width: 110,
            render: (_, r) => (
              <Checkbox
                disabled={!editable}
                checked={picks[r.userId]?.member ?? false}
                aria-label={t("agencyAdmin.memberOf", { name: r.displayName })}
                onChange={(e) =>
                  setPicks((p) => ({ ...p, [r.userId]: { member: e.target.checked, present: e.target.checked } }))
                }
              />
            ),
          },
          {
            title: t("agencyAdmin.memberName"),
            dataIndex: "displayName",
            sorter: (a, b) => a.displayName.localeCompare(b.displayName, "vi"),
          },
          { title: t("common.unit"), dataIndex: "unitName", responsive: ["md"] },
          {
            title: t("agencyAdmin.present"),
            key: "present",
            width: 110,
            render: (_, r) => (
              <Checkbox
                disabled={!editable || !picks[r.userId]?.member}
                checked={picks[r.userId]?.present ?? false}
                aria-label={t("agencyAdmin.presentOf", { name: r.displayName })}
                onChange={(e) => setPicks((p) => ({ ...p, [r.userId]: { member: true, present: e.target.checked } }))}
              />
            ),
          },
        ]}
      />
      {editable && (
        <Space style={{ marginTop: 12 }}>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                {
                  id: c.id,
                  body: { version: c.version, members: chosen.map(([userId, p]) => ({ userId, present: p.present })) },
                },
                { onSuccess: () => message.success(t("common.saved")), onError },
              )
            }
          >
            {t("agencyAdmin.saveCouncil", { n: chosen.length })}
          </Button>
        </Space>
      )}
    </Card>
  );
}
