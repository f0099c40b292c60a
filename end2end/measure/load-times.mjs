#!/usr/bin/env node
// Load times of four pages in Debian's Chromium, per network profile, with the cache disabled:
// the time from the start of the navigation to `body[data-hydrated]` (the WebAssembly has taken
// over the page) and the bytes transferred, split by kind. Not part of the tests.
//
//   node measure/load-times.mjs --bin ../dist/klucznik --site ../dist/site [--port 3407]
//        [--profiles "loopback,Slow 4G,Fast 3G"] [--runs 1]
//   npm run measure -- --bin … --site …
//
// It starts the given binary itself on a new SQLite database with the demo sample (the binary
// reads hash.txt from beside itself), signs in once as the demo administrator through
// /api/auth/login without throttling and reuses the session cookie for every page but /login.
// Every page load is bounded (120 s), and so is the whole run.
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const PAGE_TIMEOUT = 120_000;
const SETTLE_QUIET = 1_000; // after hydration, wait until no request is open for this long …
const SETTLE_MAX = 30_000; // … but no longer than this
const RUN_TIMEOUT = 30 * 60_000;
const ADMIN = "magdalena.dabrowska";
const DEMO_PASSWORD = process.env.KLUCZNIK_DEMO_PASSWORD ?? "Demo-Klucznik-2026";

// Throughputs in bytes per second, latency in milliseconds (CDP Network.emulateNetworkConditions).
const PROFILES = {
  loopback: null,
  // The base figures of a slow 4G link, as given: 150 ms, 1.6 Mbit/s down, 750 kbit/s up.
  "Slow 4G": { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
  // Chrome DevTools' "Fast 3G" (newer DevTools call the same figures "Slow 4G"):
  // latency 150 ms × 3.75, download 1.6 Mbit/s × 0.9, upload 750 kbit/s × 0.9.
  "Fast 3G": { latency: 562.5, downloadThroughput: 1.44e6 / 8, uploadThroughput: 675e3 / 8 },
};

const { values: opts } = parseArgs({
  options: {
    bin: { type: "string" },
    site: { type: "string" },
    port: { type: "string", default: "3407" },
    profiles: { type: "string", default: "loopback,Slow 4G,Fast 3G" },
    runs: { type: "string", default: "1" },
    help: { type: "boolean", short: "h" },
  },
});
if (opts.help || !opts.bin || !opts.site) {
  console.error("usage: load-times.mjs --bin PATH/klucznik --site PATH/site [--port 3407] " +
    '[--profiles "loopback,Slow 4G,Fast 3G"] [--runs 1]');
  process.exit(opts.help ? 0 : 2);
}
const profiles = opts.profiles.split(",").map((p) => p.trim()).filter(Boolean);
for (const p of profiles) {
  if (!(p in PROFILES)) throw new Error(`unknown profile ${p} (known: ${Object.keys(PROFILES).join(", ")})`);
}
const runs = Math.max(1, Number(opts.runs) || 1);
const port = Number(opts.port);
const base = `http://127.0.0.1:${port}`;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const kb = (bytes) => (bytes / 1024).toFixed(1);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

// ---------------------------------------------------------------- the server
const work = mkdtempSync(join(tmpdir(), "klucznik-measure-"));
const log = openSync(join(work, "server.log"), "w");
const server = spawn(
  resolve(opts.bin),
  ["--demo", "--database-url", `sqlite:${join(work, "m.db")}`, "--addr", `127.0.0.1:${port}`, "--site-root", resolve(opts.site)],
  {
    env: { ...process.env, KLUCZNIK_ADMIN_PASSWORD: process.env.KLUCZNIK_ADMIN_PASSWORD ?? "Measure-Admin-Password-1" },
    stdio: ["ignore", log, log],
  },
);
let browser;
let exited = null;
server.on("exit", (code, signal) => (exited = { code, signal }));

async function cleanUp() {
  await browser?.close().catch(() => {});
  if (exited === null) {
    server.kill("SIGTERM");
    for (let i = 0; i < 50 && exited === null; i++) await sleep(100);
    if (exited === null) server.kill("SIGKILL");
  }
  rmSync(work, { recursive: true, force: true });
}
const watchdog = setTimeout(async () => {
  console.error(`the run took longer than ${RUN_TIMEOUT / 60_000} minutes; stopping`);
  await cleanUp();
  process.exit(1);
}, RUN_TIMEOUT);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    await cleanUp();
    process.exit(130);
  });
}

async function waitForHealth() {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (exited !== null) {
      throw new Error(`the server stopped (${JSON.stringify(exited)}):\n${readFileSync(join(work, "server.log"), "utf8")}`);
    }
    try {
      const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return await res.text();
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${base}/healthz did not answer within 60 s`);
}

// ---------------------------------------------------------------- signing in through the API
/** Cookies of a response as name → value. */
function cookiesOf(res) {
  const out = {};
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair.indexOf("=");
    out[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return out;
}

async function api(path, form, cookies = {}) {
  const res = await fetch(`${base}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: base,
      cookie: Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join("; "),
    },
    body: new URLSearchParams(form).toString(),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}: ${text.slice(0, 300)}`);
  return { res, body: text ? JSON.parse(text) : null };
}

async function signIn() {
  const form = { login: ADMIN, password: DEMO_PASSWORD };
  for (let step = 0; step < 3; step++) {
    const { res, body } = await api("/api/auth/login", form);
    if (body.next) {
      const cookies = cookiesOf(res);
      if (!cookies.klucznik_session) throw new Error("signed in, but no klucznik_session cookie");
      return cookies;
    }
    // Several units: the preselected one; signed in elsewhere with one session only: continue.
    if (body.units?.length) form.unit = String(body.default_unit ?? body.units[0][0]);
    if (body.already) form.replace = "1";
  }
  throw new Error(`could not sign in as ${ADMIN}`);
}

// ---------------------------------------------------------------- one page load
/** The kind of a response for the breakdown. */
function kindOf(url, resourceType) {
  const path = new URL(url).pathname;
  if (path.endsWith(".wasm")) return "wasm";
  if (path.endsWith(".js")) return "js";
  if (path.endsWith(".css")) return "css";
  if (resourceType === "Document") return "document";
  return "other";
}

// Runs in the page before its own scripts: notes the moment `data-hydrated` appears on <body>,
// on the clock of the navigation (performance.now() counts from its start).
const hydrationProbe = () => {
  const note = () => {
    if (window.__hydratedAt === undefined && document.body?.hasAttribute("data-hydrated")) {
      window.__hydratedAt = performance.now();
    }
  };
  new MutationObserver(note).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["data-hydrated"],
  });
};

async function measure(path, conditions, cookies) {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 } });
  try {
    if (cookies) {
      await context.addCookies(Object.entries(cookies).map(([name, value]) => ({ name, value, url: base })));
    }
    await context.addInitScript(hydrationProbe);
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: conditions?.latency ?? 0,
      downloadThroughput: conditions?.downloadThroughput ?? -1,
      uploadThroughput: conditions?.uploadThroughput ?? -1,
    });
    const requests = new Map(); // requestId → { url, type, encoding }
    const finished = []; // { kind, bytes, url, encoding }
    const inFlight = new Set(); // requestIds sent and not finished, but the event stream
    let lastFinished = Date.now();
    // The document's time to first byte on the emulated network, from CDP's own timestamps:
    // Navigation Timing's responseStart does not include the emulated latency.
    let docSent = null;
    let docHeaders = null;
    cdp.on("Network.requestWillBeSent", ({ requestId, type, timestamp }) => {
      if (type !== "EventSource") inFlight.add(requestId);
      if (type === "Document" && docSent === null) docSent = timestamp;
    });
    cdp.on("Network.loadingFailed", ({ requestId }) => {
      inFlight.delete(requestId);
      lastFinished = Date.now();
    });
    cdp.on("Network.responseReceived", ({ requestId, type, response, timestamp }) => {
      if (type === "Document" && docHeaders === null) docHeaders = timestamp;
      const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      requests.set(requestId, { url: response.url, type, encoding: headers["content-encoding"] ?? "identity" });
    });
    cdp.on("Network.loadingFinished", ({ requestId, encodedDataLength }) => {
      const r = requests.get(requestId);
      if (!r) return;
      inFlight.delete(requestId);
      finished.push({ kind: kindOf(r.url, r.type), bytes: encodedDataLength, url: r.url, encoding: r.encoding });
      lastFinished = Date.now();
    });

    await page.goto(path, { waitUntil: "commit", timeout: PAGE_TIMEOUT });
    if (new URL(page.url()).pathname !== path) throw new Error(`${path} went to ${page.url()}`);
    await page.waitForSelector("body[data-hydrated]", { timeout: PAGE_TIMEOUT, state: "attached" });
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      return { hydrated: window.__hydratedAt, dcl: nav?.domContentLoadedEventEnd };
    });
    timing.ttfb = docSent !== null && docHeaders !== null ? (docHeaders - docSent) * 1000 : NaN;
    const atHydration = finished.reduce((sum, f) => sum + f.bytes, 0);
    // Data the page fetches after hydration (server functions) belongs to its load too; the
    // event stream never finishes and is not counted.
    const settleUntil = Date.now() + SETTLE_MAX;
    while (Date.now() < settleUntil && (inFlight.size > 0 || Date.now() - lastFinished < SETTLE_QUIET)) {
      await sleep(100);
    }
    const bytes = { wasm: 0, js: 0, css: 0, document: 0, other: 0 };
    for (const f of finished) bytes[f.kind] += f.bytes;
    const wasm = finished.find((f) => f.kind === "wasm");
    return {
      hydrated: timing.hydrated ?? NaN,
      ttfb: timing.ttfb,
      dcl: timing.dcl,
      atHydration,
      total: Object.values(bytes).reduce((a, b) => a + b, 0),
      bytes,
      requests: finished.length,
      wasmEncoding: wasm?.encoding ?? "—",
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- the run
try {
  const health = await waitForHealth();
  const cookies = await signIn();
  const { body: roles } = await api("/api/roles/list", {}, cookies);
  const kadry = roles.find((r) => r.name === "Kadry");
  if (!kadry) throw new Error(`no role "Kadry" among ${roles.map((r) => r.name).join(", ")}`);
  const pages = [
    { name: "login", path: "/login", signedIn: false },
    { name: "dashboard", path: "/", signedIn: true },
    { name: "sessions list", path: "/sessions", signedIn: true },
    { name: "rights of role Kadry", path: `/roles/${kadry.id}/rights`, signedIn: true },
  ];

  browser = await chromium.launch({
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
  });

  const rows = [];
  for (const profile of profiles) {
    for (const p of pages) {
      const samples = [];
      for (let i = 0; i < runs; i++) {
        samples.push(await measure(p.path, PROFILES[profile], p.signedIn ? cookies : null));
      }
      const last = samples[samples.length - 1];
      // Bytes and requests of the last load; times as the median of all (after `last`, which
      // would otherwise overwrite them).
      const row = {
        ...last,
        profile,
        page: p.name,
        path: p.path,
        hydrated: median(samples.map((s) => s.hydrated)),
        ttfb: median(samples.map((s) => s.ttfb)),
        dcl: median(samples.map((s) => s.dcl)),
        hydratedAll: samples.map((s) => Math.round(s.hydrated)),
      };
      rows.push(row);
      console.error(`${profile} ${p.path}: hydrated at ${row.hydratedAll.join(", ")} ms, ${kb(row.total)} KB`);
    }
  }

  const describe = (name) => {
    const c = PROFILES[name];
    if (!c) return `- **${name}**: no throttling (CDP conditions latency 0, throughput -1)`;
    return `- **${name}**: latency ${c.latency} ms, download ${c.downloadThroughput} B/s ` +
      `(${((c.downloadThroughput * 8) / 1e6).toFixed(3)} Mbit/s), upload ${c.uploadThroughput} B/s ` +
      `(${((c.uploadThroughput * 8) / 1e3).toFixed(0)} kbit/s)`;
  };
  const version = await fetch(`${base}/healthz`).then((r) => r.text()).catch(() => health);
  const out = [];
  out.push(`## Load times (${new Date().toISOString()})`, "");
  out.push(`Binary \`${resolve(opts.bin)}\`, site \`${resolve(opts.site)}\`; /healthz: \`${version.trim().slice(0, 200)}\`.`);
  out.push(`Chromium \`${browser.version()}\`, headless, viewport 1280×800, cache disabled (CDP Network.setCacheDisabled), ` +
    `a fresh browser context per load; ${runs} load${runs > 1 ? "s" : ""} per cell (median shown).`);
  out.push("Profiles (CDP Network.emulateNetworkConditions):", ...profiles.map(describe), "");
  out.push("*hydrated*: from the start of the navigation to `body[data-hydrated]` (performance.now() in the page). " +
    "*TTFB*: the document's request to its response headers (CDP timestamps). *DCL*: domContentLoadedEventEnd. " +
    "Bytes: sum of CDP Network.loadingFinished encodedDataLength (headers included) of every response finished " +
    `until, after hydration, no request was open for ${SETTLE_QUIET / 1000} s (the event stream never finishes and is not counted); ` +
    "*at hydr.*: the part finished by hydration. KB = 1024 bytes.", "");
  out.push("| profile | page | hydrated (ms) | TTFB (ms) | DCL (ms) | total KB | at hydr. KB | wasm KB | js KB | css KB | document KB | other KB | requests | wasm encoding |");
  out.push("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|");
  for (const r of rows) {
    out.push(
      `| ${r.profile} | ${r.page} (\`${r.path}\`) | ${Math.round(r.hydrated)}${runs > 1 ? ` (${r.hydratedAll.join(", ")})` : ""} | ` +
        `${Math.round(r.ttfb)} | ${Math.round(r.dcl)} | ${kb(r.total)} | ${kb(r.atHydration)} | ${kb(r.bytes.wasm)} | ` +
        `${kb(r.bytes.js)} | ${kb(r.bytes.css)} | ${kb(r.bytes.document)} | ${kb(r.bytes.other)} | ${r.requests} | ${r.wasmEncoding} |`,
    );
  }
  console.log(out.join("\n"));
  await cleanUp();
  clearTimeout(watchdog);
} catch (e) {
  console.error(e?.stack ?? String(e));
  await cleanUp();
  clearTimeout(watchdog);
  process.exit(1);
}
