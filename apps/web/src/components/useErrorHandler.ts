import { useQueryClient } from "@tanstack/react-query";
import { App, type FormInstance } from "antd";
import { useCallback } from "react";
import { errorMessage, fieldErrors, isApiError } from "../api/errors.ts";
import { t } from "../i18n/index.ts";

/**
 * One way to report a failed mutation: field issues go onto the form's
 * fields, a version conflict asks the user to reload (and reloads the lists),
 * anything else becomes a Vietnamese toast.
 */
export function useErrorHandler(form?: FormInstance) {
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  return useCallback(
    (error: unknown) => {
      if (isApiError(error, "CONFLICT")) {
        modal.warning({
          title: errorMessage(error),
          content: t("common.conflictReload"),
          okText: t("common.reload"),
          onOk: () => qc.invalidateQueries(),
        });
        return;
      }
      const fields = fieldErrors(error);
      if (form && fields.length > 0) {
        const known = fields.filter((f) => form.getFieldInstance(f.name) !== undefined);
        form.setFields(known);
        if (known.length === fields.length) {
          message.error(errorMessage(error));
          return;
        }
        // Issues on fields the form does not show: list them so nothing is lost.
        const rest = fields.filter((f) => !known.includes(f));
        message.error(`${errorMessage(error)} ${rest.flatMap((f) => f.errors).join(" ")}`);
        return;
      }
      message.error(errorMessage(error));
    },
    [form, message, modal, qc],
  );
}
