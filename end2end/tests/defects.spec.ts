// The defects found trying the console as a user would (issue 14): each is tried here the way
// it was found.
import { expect, test } from "@playwright/test";
import { open, signIn, userMenu } from "./helpers";

test("the substitution editor is a real modal dialog @phone", async ({ page }) => {
  await signIn(page, "magdalena.dabrowska");
  await open(page, "/substitutions");
  await page.getByRole("button", { name: "Add substitution" }).click();
  const editor = page.getByRole("dialog", { name: "Add substitution" });
  await expect(editor).toBeVisible();
  expect(await editor.evaluate((d) => d.matches(":modal"))).toBe(true);
  // Tab stays inside the dialog, whatever it walks through.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    expect(await editor.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(editor).toBeHidden();
});

test("the session-ended dialog does not give way to a page that looks signed in", async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  await signIn(first, "michal.zielinski");
  const other = await (await browser.newContext()).newPage();
  await signIn(other, "magdalena.dabrowska");
  await open(other, "/sessions");
  const row = other.getByRole("row").filter({ hasText: "michal.zielinski" }).first();
  await row.getByRole("checkbox").check();
  await other.getByRole("button", { name: "End selected sessions" }).click();
  await other.getByRole("dialog").getByRole("button", { name: "End sessions" }).click();
  const ended = first.getByRole("dialog", { name: "Your session has ended" });
  await expect(ended).toBeVisible();
  await first.keyboard.press("Escape");
  await first.waitForURL(/\/login$/);
});

test("the user menu closes on Escape and on a click outside @phone", async ({ page }) => {
  await signIn(page, "anna.nowak");
  const button = page.getByRole("button", { name: /User menu/ });
  await userMenu(page);
  await page.keyboard.press("Escape");
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(button).toBeFocused();
  await userMenu(page);
  await page.getByRole("heading", { level: 1 }).click();
  await expect(button).toHaveAttribute("aria-expanded", "false");
});

test("a record of another account and a refused page show no form or actions", async ({ browser }) => {
  // jana.novakova administers the sub-account; person 1 belongs to the main account.
  let page = await (await browser.newContext()).newPage();
  await signIn(page, "jana.novakova");
  await open(page, "/persons/1");
  await expect(page.getByText("Not found.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await open(page, "/roles/1");
  await expect(page.getByText("Not found.")).toBeVisible();
  await expect(page.getByRole("button", { name: /Save|Copy|Delete/ })).toHaveCount(0);

  // jan.kowalski (sales) may not see sessions: no filters, exports or pager either.
  page = await (await browser.newContext()).newPage();
  await signIn(page, "jan.kowalski");
  await open(page, "/sessions");
  await expect(page.getByRole("heading", { name: "Not available to you" })).toBeVisible();
  await expect(page.getByRole("searchbox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /CSV|Excel|Next/ })).toHaveCount(0);
});

test("the module tree of a rights editor shows every area without cutting it", async ({ page }) => {
  await signIn(page, "magdalena.dabrowska");
  await open(page, "/roles");
  const roles = await (await page.request.post("/api/roles/list")).json();
  const kadry = roles.find((r: { name: string }) => r.name === "Kadry");
  await open(page, `/roles/${kadry.id}/rights`);
  const tree = page.locator("ul.module-tree");
  await expect(tree).toBeVisible();
  const cut = await tree.evaluate((t) => t.scrollHeight > t.clientHeight + 1);
  expect(cut, "the tree scrolls inside itself").toBe(false);
});

test("fields look what they are: e-mail as wide as the rest, disabled ones greyed, PIN and card readable", async ({ page }) => {
  await signIn(page, "magdalena.dabrowska");
  await open(page, "/users/new");
  const email = page.getByLabel("E-mail");
  const login = page.getByLabel("Login", { exact: true });
  const [emailWidth, loginWidth] = await Promise.all([
    email.evaluate((e) => e.getBoundingClientRect().width),
    login.evaluate((e) => e.getBoundingClientRect().width),
  ]);
  expect(Math.abs(emailWidth - loginWidth)).toBeLessThan(2);
  await expect(page.getByLabel("New PIN")).toHaveAttribute("type", "text");
  await expect(page.getByLabel("New card number")).toHaveAttribute("type", "text");
  // A disabled field does not look like an enabled one.
  await open(page, "/substitutions");
  await page.getByRole("button", { name: /Edit the substitution of Anna Nowak/ }).first().click();
  const from = page.getByRole("dialog").getByLabel("From", { exact: true });
  const to = page.getByRole("dialog").getByLabel("To", { exact: true });
  await expect(from).toBeDisabled();
  const looks = (l: typeof from) => l.evaluate((e) => getComputedStyle(e).backgroundColor + getComputedStyle(e).borderStyle);
  expect(await looks(from)).not.toEqual(await looks(to));
});

test("the bell is an icon, not an emoji", async ({ page }) => {
  await signIn(page, "anna.nowak");
  const bell = page.getByRole("button", { name: /Notifications/ });
  await expect(bell.locator("svg")).toHaveCount(1);
  expect(await bell.innerText()).not.toContain("🔔");
});

test("Add all in a rights editor changes only what the editor holds", async ({ browser }) => {
  // Anna (Kadry) may edit users' rights but holds none of the Sessions module.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "magdalena.dabrowska");
  const users = await (await admin.request.post("/api/users/list", {
    headers: { "sec-fetch-site": "same-origin" },
    data: { query: { search: "jan.kowalski", status: "All", kind: null, role_id: null, page: 0 } },
  })).json();
  const jan = users.rows[0].id;
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "anna.nowak");
  await open(page, `/users/${jan}/rights`);
  await page.getByRole("button", { name: "Sessions", exact: true }).click();
  await page.getByRole("button", { name: "Add all: Administration" }).click();
  // Nothing of Sessions changed (its cells are disabled), so the save goes through.
  const sessionsView = page.getByRole("button", { name: "View: inherit", exact: true });
  await expect(sessionsView).toBeDisabled();
  await expect(sessionsView).toContainText("inherit");
  await page.getByRole("button", { name: "Save rights" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The rights were saved" })).toBeVisible();
});

test("a new user who cannot sign in yet is told so on the card", async ({ page }) => {
  await signIn(page, "magdalena.dabrowska");
  await open(page, "/users/new");
  // The demo gives units to roles, not to Everyone: a user without roles has none.
  await page.getByLabel("Login", { exact: true }).fill("e2e.no.unit");
  await page.getByLabel("Password", { exact: true }).fill("No-unit-password-1");
  await page.getByLabel("Confirm password").fill("No-unit-password-1");
  await page.getByRole("button", { name: "Save" }).click();
  await page.waitForURL(/\/users\/\d+$/);
  await expect(page.getByRole("status").filter({ hasText: "cannot sign in yet" })).toBeVisible();
});

test("the roles list names the roles an import goes into, and members apart from names", async ({ page }) => {
  await signIn(page, "magdalena.dabrowska");
  await open(page, "/roles");
  const kadry = page.locator("summary").filter({ hasText: "Kadry" });
  await expect(kadry).toContainText(/— \d+ members?/);
  await expect(kadry).not.toContainText("(");
  await page.getByRole("checkbox", { name: "Select Kadry" }).check();
  await expect(page.getByText("The file will be imported into: Kadry.")).toBeVisible();
});

test("the users list has one Edit per row, and sub-account access is changed by its own button", async ({ page }) => {
  await signIn(page, "magdalena.dabrowska");
  await open(page, "/users");
  const row = page.getByRole("row").filter({ hasText: "michal.zielinski" });
  await expect(row.getByRole("link", { name: /^Edit\b/ })).toHaveCount(1);
  await expect(row.getByRole("button", { name: /^Edit\b/ })).toHaveCount(0);
  await expect(row.getByRole("button", { name: "Change sub-accounts of michal.zielinski" })).toHaveText("Change");
});
