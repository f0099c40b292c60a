// Accessibility: axe-core on every main page, in both themes and at a phone and a desktop
// width, signed in as the demo administrator (the sign-in page signed out). A page passes with
// no violation of impact "serious" or "critical"; the lesser ones are printed, not failed.
//
// The theme of a signed-in page is the user's stored preference (app/src/shell/prefs.rs), so
// each theme block stores it through /api/auth/preferences once and signs in once; the signed-out
// sign-in page takes it from the `klucznik_theme` cookie. Each block runs its pages in fresh
// contexts with the saved session, so the tests do not depend on each other.
import AxeBuilder from "@axe-core/playwright";
import { Browser, BrowserContext, expect, test, TestInfo } from "@playwright/test";
import { open, signIn } from "./helpers";

type Theme = "light" | "dark";
type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

const admin = "magdalena.dabrowska";
const themes: Theme[] = ["dark", "light"]; // light last: the administrator ends where she began
const sizes = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];
/** The main pages; `:role` is the role "Kadry", `:person` the first person of the list. */
const pages = [
  "/login",
  "/",
  "/users",
  "/users/1",
  "/users/1/rights",
  "/users/1/effective",
  "/roles",
  "/roles/:role",
  "/roles/:role/rights",
  "/persons",
  "/persons/:person",
  "/units",
  "/sessions",
  "/my/sessions",
  "/substitutions",
  "/audit",
  "/configuration",
  "/accounts",
];
const blocking = new Set(["serious", "critical"]);

function baseURL(testInfo: TestInfo): string {
  const url = testInfo.project.use.baseURL;
  if (!url) throw new Error("the project has no baseURL");
  return url;
}

/** Stores the administrator's theme (and English), returns the signed-in state and the ids. */
async function prepare(browser: Browser, testInfo: TestInfo, theme: Theme) {
  const context = await browser.newContext({ baseURL: baseURL(testInfo) });
  const page = await context.newPage();
  await signIn(page, admin);
  const stored = await page.request.post("/api/auth/preferences", { form: { lang: "en", theme } });
  expect(stored.status(), await stored.text()).toBe(200);
  const roles: { id: number; name: string }[] = await (await page.request.post("/api/roles/list")).json();
  const role = roles.find((r) => r.name === "Kadry") ?? roles[0];
  await open(page, "/persons");
  const href = await page.locator('a[href^="/persons/"]').evaluateAll((links) =>
    links.map((a) => a.getAttribute("href") ?? "").find((h) => /^\/persons\/\d+$/.test(h)),
  );
  expect(href, "a person's link on /persons").toBeTruthy();
  const ids = { role: String(role.id), person: href!.split("/").pop()! };
  const state = await context.storageState();
  await context.close();
  return { state, ids };
}

for (const theme of themes) {
  test.describe(`${theme} theme`, () => {
    let state: StorageState;
    let ids: Record<string, string>;

    test.beforeAll(async ({ browser }, testInfo) => {
      ({ state, ids } = await prepare(browser, testInfo, theme));
    });

    if (theme === "light") {
      // Leave the stored preference as the demo sample has it, for the specs that follow.
      test.afterAll(async ({ browser }, testInfo) => {
        const context = await browser.newContext({ baseURL: baseURL(testInfo), storageState: state });
        await context.request.post("/api/auth/preferences", { form: { lang: "en", theme: "light" } });
        await context.close();
      });
    }

    for (const size of sizes) {
      for (const template of pages) {
        test(`${template} at ${size.width} px in the ${theme} theme has no serious axe violation`, async ({ browser }, testInfo) => {
          test.setTimeout(90_000);
          const path = template.replace(/:(\w+)/g, (_, key: string) => ids[key]);
          const signedOut = path === "/login";
          const context = await browser.newContext({
            baseURL: baseURL(testInfo),
            viewport: size,
            storageState: signedOut ? undefined : state,
          });
          if (signedOut) {
            await context.addCookies(
              ["klucznik_theme", "klucznik_lang"].map((name) => ({
                name,
                value: name === "klucznik_theme" ? theme : "en",
                url: baseURL(testInfo),
              })),
            );
          }
          try {
            const page = await context.newPage();
            const response = await page.goto(path);
            // A missing page or a redirect (to /login, to /password) is a finding of its own.
            expect.soft(response?.status(), `HTTP status of ${path}`).toBe(200);
            expect.soft(new URL(page.url()).pathname, `${path} was redirected`).toBe(path);
            await page.waitForSelector("body[data-hydrated]");
            await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
            // Data that the browser loads after hydration shows "Loading…" until it is there.
            await expect(page.getByText("Loading…", { exact: true })).toHaveCount(0, { timeout: 15_000 });

            const results = await new AxeBuilder({ page }).analyze();
            await testInfo.attach("axe-results.json", {
              body: JSON.stringify(results.violations, null, 2),
              contentType: "application/json",
            });
            const describe = (v: (typeof results.violations)[number]) =>
              `${v.id} (${v.impact}, ${v.nodes.length} node${v.nodes.length === 1 ? "" : "s"}): ` +
              v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(" "))
                .join(" | ") +
              (v.nodes.length > 3 ? " | …" : "") +
              ` — ${v.help}` +
              // What the first node is missing, e.g. the contrast ratio and the two colours.
              [...v.nodes[0].any, ...v.nodes[0].all, ...v.nodes[0].none]
                .slice(0, 1)
                .map((check) => ` (first: ${check.message})`)
                .join("");
            for (const v of results.violations) {
              console.log(`[axe] ${path} ${size.width}px ${theme}: ${describe(v)}`);
            }
            // Nodes axe could not decide (off-screen, overlapped) are not failures; print them.
            for (const v of results.incomplete.filter((i) => blocking.has(i.impact ?? ""))) {
              console.log(`[axe needs review] ${path} ${size.width}px ${theme}: ${v.id} (${v.nodes.length})`);
            }
            // Not an axe rule, printed for the phone layout: a page wider than the viewport.
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            if (overflow > 0) console.log(`[layout] ${path} ${size.width}px ${theme}: ${overflow} px wider than the viewport`);
            const serious = results.violations.filter((v) => blocking.has(v.impact ?? ""));
            expect(serious.map(describe), `serious or critical axe violations on ${path}`).toEqual([]);
          } finally {
            await context.close();
          }
        });
      }
    }
  });
}
