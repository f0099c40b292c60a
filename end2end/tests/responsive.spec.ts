// Usable at 390 px and at 1280 px (issue 14): no page scrolls sideways, the user menu is on
// screen, tables keep their semantics and let the user choose columns, long values wrap.
import { expect, Page, test } from "@playwright/test";
import { open, signIn } from "./helpers";

const pages = ["/", "/users", "/users/1", "/roles", "/persons", "/units", "/sessions", "/my/sessions",
  "/substitutions", "/audit", "/configuration", "/accounts"];

// Hides `column` of a list, saves the view, finds it still hidden after a reload (`first` still
// shown), then shows and saves it again.
async function hideSaveAndRestore(page: Page, path: string, list: string, first: string, column: string) {
  await open(page, path);
  const table = page.getByRole("table", { name: list });
  await expect(table.getByRole("columnheader", { name: column })).toBeVisible();
  await page.locator("summary", { hasText: "Columns" }).click();
  await page.getByRole("checkbox", { name: column }).uncheck();
  await expect(table.getByRole("columnheader", { name: column })).toHaveCount(0);
  await page.getByRole("button", { name: "Save my view" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your view of this list is saved." })).toBeVisible();
  await open(page, path);
  await expect(table.getByRole("columnheader", { name: first })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: column })).toHaveCount(0);
  await page.locator("summary", { hasText: "Columns" }).click();
  await page.getByRole("checkbox", { name: column }).check();
  await page.getByRole("button", { name: "Save my view" }).click();
  await expect(table.getByRole("columnheader", { name: column })).toBeVisible();
}

async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test("no page scrolls sideways and the user menu is on screen @phone", async ({ page }) => {
  await signIn(page, "magdalena.dabrowska");
  const width = page.viewportSize()!.width;
  for (const path of pages) {
    await open(page, path);
    expect(await overflow(page), `${path} at ${width} px`).toBeLessThanOrEqual(0);
    const menu = await page.getByRole("button", { name: /User menu/ }).boundingBox();
    expect(menu!.x + menu!.width, `the user menu on ${path}`).toBeLessThanOrEqual(width);
  }
});

test("the navigation folds behind Menu on a phone and opens from it @phone", async ({ page }) => {
  await signIn(page, "magdalena.dabrowska");
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  const toggle = page.getByRole("button", { name: "Menu", exact: true });
  if ((page.viewportSize()?.width ?? 1280) <= 760) {
    await expect(nav).toBeHidden();
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
  }
  await expect(nav.getByRole("link", { name: "Users" })).toBeVisible();
});

test("a 100-character login wraps instead of stretching the users table", async ({ page }) => {
  await signIn(page, "magdalena.dabrowska");
  // Nothing in it that another test's label could match.
  const login = "w".repeat(91) + ".wrapping";
  const created = await page.request.post("/api/users/save", {
    headers: { "sec-fetch-site": "same-origin" },
    data: { input: {
      id: null, version: 0, kind: "Internal", active: true, blocked: false, valid_from: "", valid_to: "",
      login, full_name: "Long Name", print_label: "", note: "", email: "", person_id: null, default_unit_id: null,
      pin: "Keep", card: "Keep", password: "Long-login-password-1", password_confirm: "Long-login-password-1",
      shared_password: true, external_password: "", external_password_confirm: "", pw_own_policy: false,
      pw_strong: false, pw_max_age_days: "", must_change_password: false, roles: [] } },
  });
  expect(created.status()).toBe(200);
  await open(page, "/users");
  await page.getByLabel("Search users").fill("wrapping");
  const table = page.getByRole("table", { name: "Users" });
  await expect(table).toContainText(".wrapping");
  const box = await table.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
});

test("the user chooses the columns of a list; Edit view saves the choice @phone", async ({ page, browser }) => {
  await signIn(page, "magdalena.dabrowska");
  await hideSaveAndRestore(page, "/users", "Users", "Login", "Type");

  // Without Edit view (Kadry may view users but not save views) the choice is for the page only.
  const anna = await (await browser.newContext({ viewport: page.viewportSize() })).newPage();
  await signIn(anna, "anna.nowak");
  await open(anna, "/users");
  await anna.locator("summary", { hasText: "Columns" }).click();
  await expect(anna.getByRole("button", { name: "Save my view" })).toHaveCount(0);
  await expect(anna.getByText("saving them needs the Edit view right")).toBeVisible();
});

test("the persons list keeps a saved choice of columns too", async ({ page }) => {
  await signIn(page, "magdalena.dabrowska");
  await hideSaveAndRestore(page, "/persons", "Persons", "Last name", "Supervisor");
});
