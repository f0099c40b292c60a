// End-to-end tests in Debian's Chromium against the real server binary on a fresh SQLite
// database with the demo sample. `./dev test` sets KLUCZNIK_BIN and KLUCZNIK_SITE_ROOT.
import { defineConfig } from "@playwright/test";

const port = Number(process.env.KLUCZNIK_E2E_PORT ?? 3107);
const bin = process.env.KLUCZNIK_BIN ?? "../target/debug/klucznik";
const siteRoot = process.env.KLUCZNIK_SITE_ROOT ?? "../target/site";
export const adminPassword = "E2E-Admin-Password-1";

export default defineConfig({
  testDir: "./tests",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium" }],
  webServer: {
    command:
      `rm -rf .tmp && mkdir -p .tmp && exec "${bin}" --demo --database-url sqlite:.tmp/e2e.db ` +
      `--addr 127.0.0.1:${port} --site-root "${siteRoot}" --log warn 2> .tmp/server.log`,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { KLUCZNIK_ADMIN_PASSWORD: adminPassword },
    stdout: "pipe",
  },
});
