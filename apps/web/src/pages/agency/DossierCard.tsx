import { CheckCircleTwoTone, DeleteOutlined, ExclamationCircleTwoTone, UploadOutlined } from "@ant-design/icons";
import { type Assessment, type DossierKind, dossierKinds, fileLimits } from "@thuocdo/contract";
import { App, Button, Card, List, Popconfirm, Progress, Space, Tag, Typography, Upload } from "antd";
import { errorMessage } from "../../api/errors.ts";
import { useAddDossierFile, useRemoveDossierFile, useUploadAgencyFile } from "../../api/queries/agency.ts";
import { FileList } from "../../components/agency/FileList.tsx";
import { useErrorHandler } from "../../components/useErrorHandler.ts";
import { t } from "../../i18n/index.ts";
import { evidenceIssue } from "../work/DeliveryDrawer.tsx";

/** The parts of the dossier that must be there (Quảng Nam Art. 6.2): the explanation report only with an N/A criterion. */
export function requiredKinds(a: Pick<Assessment, "criteria">): DossierKind[] {
  const anyNa = a.criteria.some((c) => c.self?.notApplicable);
  return dossierKinds.filter((k) => k !== "explanation_report" || anyNa);
}

/**
 * The dossier checklist: request letter, annual report, self-scoring report, evidence, explanation
 * report. Each part shows its files, an upload button and whether it is complete; the bar counts
 * the parts still missing.
 */
export function DossierCard({ assessment: a }: { assessment: Assessment }) {
  const uploadFile = useUploadAgencyFile();
  const add = useAddDossierFile();
  const remove = useRemoveDossierFile();
  const onError = useErrorHandler();
  const { message } = App.useApp();
  const editable = a.can.selfAssess;
  const required = requiredKinds(a);
  const filesOf = (kind: DossierKind) => a.dossier.filter((d) => d.kind === kind).map((d) => d.file);
  const done = required.filter((k) => filesOf(k).length > 0).length;

  const onPick = async (kind: DossierKind, file: File) => {
    try {
      const stored = await uploadFile.mutateAsync({ unitId: a.agencyId, file });
      await add.mutateAsync({ id: a.id, body: { kind, fileId: stored.id } });
      message.success(t("agencyDossier.added", { name: stored.name }));
    } catch (e) {
      onError(e);
    }
  };

  return (
    <Card title={t("agencyDossier.title")}>
      <Space orientation="vertical" style={{ width: "100%" }}>
        <div>
          <Typography.Text>{t("agencyDossier.completeness", { done, total: required.length })}</Typography.Text>
          <Progress
            percent={Math.round((done / Math.max(1, required.length)) * 100)}
            status={done === required.length ? "success" : "active"}
            aria-label={t("agencyDossier.completeness", { done, total: required.length })}
          />
        </div>
        <List
          dataSource={[...dossierKinds]}
          renderItem={(kind) => {
            const files = filesOf(kind);
            const needed = required.includes(kind);
            const complete = files.length > 0;
            return (
              <List.Item
                data-testid={`dossier-${kind}`}
                actions={
                  editable
                    ? [
                        <Upload
                          key="up"
                          accept={fileLimits.accept}
                          showUploadList={false}
                          beforeUpload={(file) => {
                            const issue = evidenceIssue(file);
                            if (issue) message.error(issue);
                            else void onPick(kind, file);
                            return false;
                          }}
                        >
                          <Button
                            icon={<UploadOutlined />}
                            aria-label={t("agencyDossier.uploadFor", { kind: t(`agencyDossierKinds.${kind}`) })}
                          >
                            {t("agencyDossier.upload")}
                          </Button>
                        </Upload>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  avatar={
                    complete ? (
                      <CheckCircleTwoTone twoToneColor="#52c41a" aria-label={t("agencyDossier.present")} />
                    ) : needed ? (
                      <ExclamationCircleTwoTone twoToneColor="#faad14" aria-label={t("agencyDossier.missing")} />
                    ) : (
                      <span style={{ display: "inline-block", width: 14 }} />
                    )
                  }
                  title={
                    <Space wrap>
                      {t(`agencyDossierKinds.${kind}`)}
                      {!needed && <Tag>{t("agencyDossier.optional")}</Tag>}
                    </Space>
                  }
                  description={
                    <Space orientation="vertical" size={2}>
                      <FileList
                        assessmentId={a.id}
                        files={files}
                        empty={needed ? t("agencyDossier.noFileYet") : t("agencyDossier.notNeeded")}
                      />
                      {editable &&
                        files.map((f) => (
                          <Popconfirm
                            key={f.id}
                            title={t("agencyDossier.removeConfirm", { name: f.name })}
                            onConfirm={() =>
                              remove.mutate(
                                { id: a.id, fileId: f.id },
                                { onError: (e) => message.error(errorMessage(e)) },
                              )
                            }
                          >
                            <Button size="small" type="link" danger icon={<DeleteOutlined />}>
                              {t("agencyDossier.remove", { name: f.name })}
                            </Button>
                          </Popconfirm>
                        ))}
                    </Space>
                  }
                />
              </List.Item>
            );
          }}
        />
      </Space>
    </Card>
  );
}
