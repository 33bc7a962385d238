import "./styles.css";
import { QueryClientProvider } from "@tanstack/react-query";
import { ConfigProvider } from "antd";
import viVN from "antd/locale/vi_VN";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { setUnauthenticatedHandler } from "./api/client.ts";
import { sessionKey } from "./api/queries/auth.ts";
import { queryClient } from "./api/queryClient.ts";
import { AppRouter } from "./router.tsx";

// The session ended while working: drop it, and the guard sends the user to log in and back.
setUnauthenticatedHandler(() => {
  if (queryClient.getQueryData(sessionKey)) queryClient.setQueryData(sessionKey, null);
});

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");

createRoot(root).render(
  <StrictMode>
    <ConfigProvider
      locale={viVN}
      theme={{ token: { colorPrimary: "#1f4e8c", fontFamily: "'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif" } }}
    >
      <QueryClientProvider client={queryClient}>
        <AppRouter />
      </QueryClientProvider>
    </ConfigProvider>
  </StrictMode>,
);
