import { Button, Result, Typography } from "antd";
import { Component, type ErrorInfo, type ReactNode } from "react";
import { t } from "../i18n/index.ts";

interface State {
  error: Error | null;
}

/** Explains a render crash in Vietnamese instead of a blank screen. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error("Lỗi giao diện", error, info.componentStack);
  }

  override componentDidUpdate(prev: { resetKey?: string }): void {
    // Navigating elsewhere gives the new screen a fresh chance.
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return <CrashNotice error={this.state.error} />;
  }
}

export function CrashNotice({ error }: { error: unknown }) {
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <Result
      status="500"
      title={t("system.crashTitle")}
      subTitle={t("system.crashText")}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t("common.reload")}
        </Button>
      }
    >
      <details>
        <summary>{t("system.crashDetail")}</summary>
        <Typography.Text code>{detail}</Typography.Text>
      </details>
    </Result>
  );
}
