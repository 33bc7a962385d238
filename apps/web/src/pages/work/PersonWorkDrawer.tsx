import { PlusOutlined } from "@ant-design/icons";
import { limits, type Period } from "@thuocdo/contract";
import { Alert, Button, Drawer, Skeleton } from "antd";
import { errorMessage } from "../../api/errors.ts";
import { useAssignments } from "../../api/queries/work.ts";
import { t } from "../../i18n/index.ts";
import { AssignmentsTable } from "./AssignmentsTable.tsx";
import { AssignmentManagerActions, DeliveryReviewActions } from "./ReviewActions.tsx";

/**
 * One person's lines in a period, for the manager: review each delivery (pass / fail / excuse),
 * extend a deadline, take units back, and assign more.
 */
export function PersonWorkDrawer({
  period,
  person,
  onAssign,
  onClose,
}: {
  period: Period;
  person: { id: string; name: string };
  onAssign: () => void;
  onClose: () => void;
}) {
  const lines = useAssignments(period.id, { personId: person.id, page: 1, pageSize: limits.pageSizeMax });
  const locked = period.status === "locked";
  return (
    <Drawer
      open
      title={t("board.workOf", { name: person.name, label: period.label })}
      onClose={onClose}
      size={1000}
      destroyOnHidden
      extra={
        !locked && (
          <Button icon={<PlusOutlined />} onClick={onAssign}>
            {t("board.assignMore")}
          </Button>
        )
      }
    >
      {lines.isError ? (
        <Alert type="error" showIcon title={errorMessage(lines.error)} />
      ) : !lines.data ? (
        <Skeleton active />
      ) : (
        <AssignmentsTable
          expandAll
          assignments={lines.data.items}
          loading={lines.isFetching}
          actions={(a) => <AssignmentManagerActions assignment={a} locked={locked} />}
          deliveryActions={(d) => <DeliveryReviewActions delivery={d} locked={locked} />}
        />
      )}
    </Drawer>
  );
}
