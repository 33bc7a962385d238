import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The login page must stay light: every page is a lazy route, so antd
 * components land in the chunk of the page that uses them. Only libraries
 * every screen needs are grouped, so they are cached once across deploys.
 */
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { "/api": { target: "http://127.0.0.1:3000", changeOrigin: false } },
  },
  build: {
    target: "es2022",
    sourcemap: false,
    manifest: true,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/,
              priority: 30,
            },
            { name: "query", test: /node_modules[\\/]@tanstack[\\/]/, priority: 20 },
            { name: "contract", test: /(node_modules[\\/]zod[\\/]|packages[\\/]contract[\\/])/, priority: 20 },
          ],
        },
      },
    },
  },
});
