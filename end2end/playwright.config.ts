// End-to-end tests in Debian's Chromium against the real server binary on a fresh SQLite
// database with the demo sample. `./dev test` sets KLUCZNIK_BIN and KLUCZNIK_SITE_ROOT.
import { defineConfig } from "@playwright/test";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const port = Number(process.env.KLUCZNIK_E2E_PORT ?? 3107);
const bin = process.env.KLUCZNIK_BIN ?? "../target/debug/klucznik";
const siteRoot = process.env.KLUCZNIK_SITE_ROOT ?? "../target/site";
export const adminPassword = "E2E-Admin-Password-1";

// The binary names the bundle's files from the hash.txt beside it; a site folder of another build
// (a release build writes target/site too) serves a bundle that does not hydrate, and every test
// would time out. Checked once, in the runner (not in its workers).
if (!process.env.TEST_WORKER_INDEX) {
  const hashes = join(dirname(resolve(__dirname, bin)), "hash.txt");
  const pkg = resolve(__dirname, siteRoot, "pkg");
  if (existsSync(hashes) && existsSync(pkg)) {
    const files = readdirSync(pkg);
    for (const line of readFileSync(hashes, "utf8").split("\n")) {
      const [kind, hash] = line.split(":").map((part) => part.trim());
      if (hash && !files.some((file) => file.includes(hash))) {
        throw new Error(`${pkg} has no ${kind} file with the hash ${hash} that ${hashes} names: ` +
          "the binary and the site come from different builds");
      }
    }
  }
}

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
  // With one worker the projects run one after the other in this order (none depends on another,
  // so a failure in one does not skip the next): every scenario at 1280 px, the scenarios tagged
  // @phone again at 390 px on the same server and database, and last the server-log check, which
  // must see the log of both.
  projects: [
    {
      name: "chromium",
      testIgnore: /zz-server-log\.spec\.ts/,
      use: { viewport: { width: 1280, height: 800 } },
    },
    {
      name: "chromium-390",
      grep: /@phone/,
      testIgnore: /zz-server-log\.spec\.ts/,
      use: { viewport: { width: 390, height: 844 } },
    },
    { name: "server-log", testMatch: /zz-server-log\.spec\.ts/ },
  ],
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
