import { defineConfig } from "vitest/config";

// One runner, one project per workspace. TZ is pinned so date logic never
// depends on the machine (STYLE.md §14).
process.env.TZ = "Asia/Ho_Chi_Minh";

function server(name: string, db: "pglite" | "postgres") {
  return {
    test: {
      name,
      include: ["apps/server/src/**/*.test.ts"],
      globalSetup: ["apps/server/src/test/global-setup.ts"],
      env: { TEST_DB: db },
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  };
}

export default defineConfig({
  test: {
    projects: [
      { test: { name: "core", include: ["packages/core/src/**/*.test.ts"] } },
      { test: { name: "contract", include: ["packages/contract/src/**/*.test.ts"], passWithNoTests: true } },
      server("server", "pglite"),
      // The same integration suite on a real PostgreSQL when one is offered (CI sets TEST_DATABASE_URL).
      ...(process.env.TEST_DATABASE_URL ? [server("server-pg", "postgres")] : []),
      { test: { name: "web", include: ["apps/web/src/**/*.test.ts"], passWithNoTests: true } },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
