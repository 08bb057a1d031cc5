import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_PATH } from "./scripts/lib/chromium";
import { storageStateOf } from "./e2e/accounts";

const port = Number(process.env.E2E_PORT ?? 3100);

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: ["--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  },
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 90_000,
  // Two cores shared by Next and PostgreSQL: give slow renders room rather than flake.
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // Signs in each demo account once and saves its session (e2e/.auth/<role>.json).
    { name: "setup", testMatch: /.*\.setup\.ts/, use: { ...chromium } },
    {
      name: "chromium",
      dependencies: ["setup"],
      // Every page needs a session: tests run as the first annotator unless they
      // ask for another role (e2e/fixtures.ts) or for no session at all.
      use: { ...chromium, storageState: storageStateOf("annotator") },
    },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `http://127.0.0.1:${port}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    // SIGTERM lets the server script stop Next and then its PostgreSQL in order.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    stderr: "pipe",
    // warn: the servers log one JSON line per request (scripts/web-server.ts), too many for a test log.
    env: { E2E_PORT: String(port), DEMO_SIZE: "600", LOG_LEVEL: "warn" },
  },
});
