import type { Framework } from "@thuocdo/contract";
import { App, Button, Card, Select, Space, Typography } from "antd";
import { useMemo, useState } from "react";
import { useSetFrameworkAgencies } from "../../api/queries/agency.ts";
import { useUnits } from "../../api/queries/org.ts";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { fold, t } from "../../i18n/index.ts";
import { isAgency } from "../../lib/tree.ts";

/** The agencies ranked with this framework (one group: the quota applies among them). */
export function FrameworkAgenciesCard({ framework: f, editable }: { framework: Framework; editable: boolean }) {
  const { units, isPending } = useUnits();
  const [chosen, setChosen] = useState<string[]>(f.agencies.map((a) => a.id));
  const save = useSetFrameworkAgencies();
  const onError = useErrorHandler();
  const { message } = App.useApp();
  const options = useMemo(
    () =>
      units
        .filter((u) => isAgency(u.kind) && u.kind !== "province")
        .map((u) => ({ value: u.id, label: u.name, kind: t(`unitKinds.${u.kind}`) }))
        .sort((a, b) => a.kind.localeCompare(b.kind, "vi") || a.label.localeCompare(b.label, "vi")),
    [units],
  );
  const dirty = chosen.length !== f.agencies.length || chosen.some((id) => !f.agencies.some((a) => a.id === id));

  return (
    <Card title={t("agencyFrameworks.agenciesTitle", { n: f.agencies.length })}>
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Typography.Text type="secondary">{t("agencyFrameworks.agenciesHint")}</Typography.Text>
        <Select
          mode="multiple"
          value={chosen}
          onChange={setChosen}
          disabled={!editable}
          loading={isPending}
          options={options}
          style={{ width: "100%" }}
          aria-label={t("agencyFrameworks.agencies")}
          placeholder={t("agencyFrameworks.pickAgencies")}
          optionRender={(o) => (
            <span>
              {o.data.label} <Typography.Text type="secondary">· {o.data.kind}</Typography.Text>
            </span>
          )}
          showSearch={{ filterOption: (input, o) => fold(`${o?.label ?? ""} ${o?.kind ?? ""}`).includes(fold(input)) }}
        />
        {editable && (
          <Button
            type="primary"
            disabled={!dirty}
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { id: f.id, body: { version: f.version, agencyIds: chosen } },
                { onSuccess: () => message.success(t("common.saved")), onError },
              )
            }
          >
            {t("agencyFrameworks.saveAgencies")}
          </Button>
        )}
      </Space>
    </Card>
  );
}
