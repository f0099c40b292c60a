// Rights in the browser: the editors of roles and users, their effect on sessions already open,
// the effective-rights view and data rights over the unit tree.
import { expect, Locator, Page, test } from "@playwright/test";
import { open, signIn } from "./helpers";

/** Opens the rights editor of a role from its card. */
async function roleRights(page: Page, role: string) {
  await open(page, "/roles");
  await page.getByRole("link", { name: `Edit ${role}`, exact: true }).click();
  await page.getByRole("link", { name: "Rights", exact: true }).click();
  await expect(page.getByRole("heading", { name: `Rights of ${role}` })).toBeVisible();
}

/** Opens a user's card from the users list, then one of its rights pages. */
async function userPage(page: Page, login: string, link: "Rights" | "Effective rights") {
  await open(page, "/users");
  await page.getByRole("link", { name: login, exact: true }).click();
  await page.getByRole("link", { name: link, exact: true }).click();
}

/** The table row whose row header is `name` (exactly, or matching). */
function row(scope: Page | Locator, name: string | RegExp) {
  const page = "goto" in scope ? scope : scope.page();
  return scope.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
}

async function saveRights(page: Page) {
  await page.getByRole("button", { name: "Save rights" }).click();
  await expect(page.getByRole("status")).toContainText("The rights were saved");
}

test("a role's deny reaches a signed-in member at once, and the user's own allow beats it", async ({ browser }) => {
  const hr = await (await browser.newContext()).newPage();
  await signIn(hr, "anna.nowak");
  await open(hr, "/users");
  const edit = hr.getByRole("link", { name: "Edit jan.kowalski" });
  await expect(edit).toBeVisible();

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "magdalena.dabrowska");
  await roleRights(admin, "Kadry");
  await admin.getByRole("button", { name: "Edit: allow", exact: true }).click();
  await expect(admin.getByRole("button", { name: "Edit: deny", exact: true })).toBeVisible();
  // The preview runs the resolver in the browser before anything is saved.
  await expect(row(admin, "Edit")).toContainText("Denied — denied directly");
  await expect(edit).toBeVisible();
  const saved = Date.now();
  await admin.getByRole("button", { name: "Save rights" }).click();
  await expect(edit).toBeHidden({ timeout: 3_000 });
  console.log(`save → other browser updated: ${Date.now() - saved} ms`);
  expect(hr.url()).toContain("/users");

  await userPage(admin, "anna.nowak", "Rights");
  await expect(admin.getByRole("heading", { name: "Rights of anna.nowak" })).toBeVisible();
  await expect(row(admin, "Edit")).toContainText("denied by role Kadry");
  await admin.getByRole("button", { name: "Edit: inherit", exact: true }).click();
  await expect(row(admin, "Edit")).toContainText("Allowed — allowed directly");
  await saveRights(admin);
  await expect(edit).toBeVisible({ timeout: 3_000 });
});

test("denying View greys the other operations of the module", async ({ page }) => {
  await signIn(page, "magdalena.dabrowska");
  await roleRights(page, "Kadry");
  await page.getByRole("button", { name: "Persons", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Rights of Persons" })).toBeVisible();
  const create = row(page, "Create");
  await expect(create).toContainText("Allowed");
  await page.getByRole("button", { name: "View: allow", exact: true }).click();
  await page.getByRole("button", { name: "View: deny", exact: true }).waitFor();
  await expect(create).toContainText("denied: needs Persons: View");
  await expect(row(page, "Delete")).toContainText("denied: needs Persons: View");
  await expect(page.getByText("Unsaved changes: 1")).toBeVisible();
  await page.getByRole("button", { name: "Undo changes" }).click();
  await expect(create).toContainText("Allowed — allowed directly");
});

test("remove all on an area clears the role's rights there", async ({ page }) => {
  await signIn(page, "magdalena.dabrowska");
  await roleRights(page, "Magazynierzy");
  const tree = page.getByRole("navigation", { name: "Modules" });
  await expect(tree.getByRole("listitem").filter({ hasText: /^Persons/ })).toContainText("some rights");
  await page.getByRole("button", { name: "Remove all: Staff" }).click();
  await expect(tree.getByRole("listitem").filter({ hasText: /^Persons/ })).toContainText("no rights");
  await saveRights(page);
  await page.reload();
  await page.waitForSelector("body[data-hydrated]");
  await page.getByRole("button", { name: "Persons", exact: true }).click();
  await expect(page.getByRole("button", { name: "View: inherit", exact: true })).toBeVisible();
  await expect(row(page, "View")).toContainText("Denied — denied: nobody granted it");
});

test("the effective rights show the reason and compare two users", async ({ page }) => {
  await signIn(page, "magdalena.dabrowska");
  await userPage(page, "piotr.wisniewski", "Effective rights");
  await expect(page.getByRole("heading", { name: "Effective rights of piotr.wisniewski" })).toBeVisible();
  const sessions = row(page, /^Sessions: View( differs)?$/);
  await expect(sessions).toContainText("Allowed — allowed by role Audytorzy");
  await expect(row(page, "Users: View")).toContainText("Denied — denied: nobody granted it");
  await page.getByLabel("Compare with").selectOption({ label: "jan.kowalski" });
  await expect(page.getByRole("columnheader", { name: "jan.kowalski" })).toBeVisible();
  await expect(sessions).toContainText("differs");
  await expect(row(page, "Persons: View")).toContainText("Allowed — allowed by role Sprzedawcy");
});

test("a data deny on a unit hides its persons, including one added later", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "magdalena.dabrowska");
  await userPage(admin, "anna.nowak", "Rights");
  const persons = admin.getByRole("region", { name: "Rights on persons" });
  await persons.getByRole("button", { name: "Sprzedaż — View: inherit", exact: true }).click();
  await persons.getByRole("button", { name: "Sprzedaż — View: allow", exact: true }).click();
  await expect(persons.getByRole("button", { name: "Sprzedaż — View: deny", exact: true })).toBeVisible();
  await expect(row(persons, "Sprzedaż Kraków")).toContainText(
    "denied by inheritance from Nordwind sp. z o.o. / Sprzedaż",
  );
  await saveRights(admin);

  const hr = await (await browser.newContext()).newPage();
  await signIn(hr, "anna.nowak");
  await open(hr, "/persons");
  const table = hr.getByRole("table");
  await expect(table).toContainText("Szymańska");
  await expect(table).not.toContainText("Kowalski");

  await open(admin, "/persons/new");
  await admin.getByLabel("First name").fill("Later");
  await admin.getByLabel("Last name").fill("Addedperson");
  await admin.getByLabel("Unit").selectOption({ label: "Nordwind sp. z o.o. / Sprzedaż / Sprzedaż Kraków" });
  await admin.getByRole("button", { name: "Save", exact: true }).click();
  // A saved new person's card offers Delete.
  await expect(admin.getByRole("button", { name: "Delete" })).toBeVisible();
  await open(admin, "/persons");
  await expect(admin.getByRole("table")).toContainText("Addedperson");
  await open(hr, "/persons");
  await expect(table).toContainText("Szymańska");
  await expect(table).not.toContainText("Addedperson");
});
