import { Alert, Skeleton } from "antd";
import { errorMessage } from "../../api/errors.ts";
import { useAssignments, usePersonEvaluation } from "../../api/queries/work.ts";
import { ExplanationDrawer, useLineLabels } from "../work/ExplanationDrawer.tsx";

/**
 * One month of a person's year, explained: the monthly cycle's "why is my score this?" drawer for
 * the period, with the product names of the month's assignments.
 */
export function MonthExplainDrawer({
  periodId,
  personId,
  title,
  onClose,
}: {
  periodId: string;
  personId: string;
  title: string;
  onClose: () => void;
}) {
  const evaluation = usePersonEvaluation(periodId, personId);
  const assignments = useAssignments(periodId, { personId, page: 1, pageSize: 200 });
  const labels = useLineLabels(assignments.data?.items);
  if (evaluation.isPending) return <Skeleton active />;
  if (evaluation.isError) return <Alert type="error" showIcon title={errorMessage(evaluation.error)} />;
  return (
    <ExplanationDrawer
      title={title}
      score={evaluation.data.score}
      labels={labels}
      evaluationId={evaluation.data.id}
      onClose={onClose}
    />
  );
}
