// Users, roles and units in the browser: the full user card, its field errors, choosing a unit
// at sign-in, and a blocked user's open session ending at once.
import { expect, test } from "@playwright/test";
import { demoPassword, open, signIn } from "./helpers";

test("an administrator creates a user with every field of the card", async ({ page }) => {
  await signIn(page, "magdalena.dabrowska");
  await open(page, "/users/new");
  await page.getByRole("radio", { name: "Universal" }).check();
  await page.getByLabel("Login").fill("e2e.universal");
  await page.getByLabel("Full name").fill("Ewelina Testowa");
  await page.getByLabel("Label for printouts").fill("E. Testowa");
  await page.getByLabel("Note").fill("Created by the end-to-end test");
  await page.getByLabel("Valid from").fill("2026-01-01");
  await page.getByLabel("Valid to").fill("2030-12-31");
  const person = page.getByRole("group", { name: "Linked person" });
  await person.getByLabel("Search persons").fill("Jankowski");
  await person.getByLabel("Choose a person").selectOption({ label: "Jankowski Paweł (1012)" });
  await page.getByLabel("Default unit").selectOption({ label: "Nordwind sp. z o.o. / Kadry" });
  await page.getByLabel("New PIN").fill("4321");
  await page.getByLabel("New card number").fill("CARD-0001");
  await page.getByLabel("Shared password").uncheck();
  await page.getByLabel("Password", { exact: true }).fill("Console-secret-2026");
  await page.getByLabel("Confirm password", { exact: true }).fill("Console-secret-2026");
  await page.getByLabel("External password", { exact: true }).fill("External-secret-2026");
  await page.getByLabel("Confirm external password").fill("External-secret-2026");
  await page.getByLabel("Password policy of the configuration").uncheck();
  await page.getByLabel("Require a strong password").check();
  await page.getByLabel("Require a periodic change every (days)").fill("90");
  await page.getByLabel("Require a password change at the next sign-in").check();
  await page.getByRole("group", { name: "Roles" }).getByLabel("Kadry").check();
  // The strong rule wants a special character: the card says which field and which rule.
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(/^Password: must have at least 8 characters with an upper-case letter/)).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill("Console-secret-2026!");
  await page.getByLabel("Confirm password", { exact: true }).fill("Console-secret-2026!");
  await page.getByLabel("External password", { exact: true }).fill("External-secret-2026!");
  await page.getByLabel("Confirm external password").fill("External-secret-2026!");
  await page.getByRole("button", { name: "Save" }).click();

  await page.waitForURL(/\/users\/\d+$/);
  await page.waitForSelector("body[data-hydrated]");
  await expect(page.getByRole("heading", { name: "e2e.universal" })).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue("Ewelina Testowa");
  await expect(page.getByLabel("Valid to")).toHaveValue("2030-12-31");
  await expect(page.getByText("A PIN is set.")).toBeVisible();
  await expect(page.getByText("A card number is set.")).toBeVisible();
  await expect(page.getByLabel("Require a periodic change every (days)")).toHaveValue("90");
  await expect(page.getByRole("group", { name: "Roles" }).getByLabel("Kadry")).toBeChecked();
  await expect(page.getByRole("group", { name: "Linked person" }).getByLabel("Choose a person")).toHaveValue(/\d+/);
});

test("the user card names every field that is wrong", { tag: "@phone" }, async ({ page }) => {
  await signIn(page, "magdalena.dabrowska");
  await open(page, "/users/new");
  await page.getByLabel("Login").fill("two words");
  await page.getByLabel("Valid from").fill("2026-06-01");
  await page.getByLabel("Valid to").fill("2026-05-01");
  await page.getByLabel("New PIN").fill("12a");
  await page.getByLabel("New card number").fill("C".repeat(51));
  await page.getByLabel("Password", { exact: true }).fill("Console-secret-2026");
  await page.getByLabel("Confirm password", { exact: true }).fill("Console-secret-2027");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Login: may hold letters (with diacritics), digits")).toBeVisible();
  await expect(page.getByText("Valid to: cannot be before \"Valid from\".")).toBeVisible();
  await expect(page.getByText("New PIN: must be 1 to 6 digits.")).toBeVisible();
  await expect(page.getByText("New card number: is too long (at most 50 characters).")).toBeVisible();
  await expect(page.getByText("Confirm password: does not match the new password.")).toBeVisible();
  await expect(page.getByLabel("Login")).toHaveAttribute("aria-invalid", "true");
  // A duplicate login is found by the server.
  await page.getByLabel("Login").fill("Anna.NOWAK");
  await page.getByLabel("Valid to").fill("");
  await page.getByLabel("New PIN").fill("");
  await page.getByLabel("New card number").fill("");
  await page.getByLabel("Confirm password", { exact: true }).fill("Console-secret-2026");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Login: is already used by another record.")).toBeVisible();
  await expect(page).toHaveURL(/\/users\/new$/);
});

test("a user with several units chooses one at sign-in", { tag: "@phone" }, async ({ page }) => {
  await open(page, "/login");
  await page.getByLabel("Login").fill("jan.kowalski");
  await page.getByLabel("Password", { exact: true }).fill(demoPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  const unit = page.getByLabel("Unit");
  await expect(unit).toHaveValue(/\d+/);
  await expect(unit.locator("option:checked")).toHaveText("Nordwind sp. z o.o. / Sprzedaż / Sprzedaż Kraków");
  await unit.selectOption({ label: "Nordwind sp. z o.o. / Sprzedaż / Sprzedaż Gdańsk" });
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByText("Unit: Sprzedaż Gdańsk")).toBeVisible();
});

test("blocking a user ends their open session at once", { tag: "@phone" }, async ({ browser }, testInfo) => {
  // The phone project runs this again on the same database: a login of its own.
  const login = testInfo.project.name === "chromium" ? "e2e.blocked" : `e2e.blocked.${testInfo.project.name}`;
  const adminContext = await browser.newContext();
  const userContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "magdalena.dabrowska");
  const roles = await (await admin.request.post("/api/roles/list")).json();
  const warehouse = roles.find((r: { name: string }) => r.name === "Magazynierzy").id;
  const created = await admin.request.post("/api/users/save", {
    data: {
      input: {
        id: null, version: 0, kind: "Internal", active: true, blocked: false, valid_from: "", valid_to: "",
        login, full_name: "Bogdan Blokowany", print_label: "", note: "", person_id: null,
        default_unit_id: null, pin: "Keep", card: "Keep", password: "Blocked-user-2026", password_confirm: "Blocked-user-2026",
        shared_password: true, external_password: "", external_password_confirm: "", pw_own_policy: false,
        pw_strong: false, pw_max_age_days: "", must_change_password: false, roles: [warehouse],
      },
    },
  });
  expect(created.status()).toBe(200);
  const id = await created.json();

  const user = await userContext.newPage();
  await signIn(user, login, "Blocked-user-2026");
  await expect(user.getByText("Live updates on")).toBeVisible();

  await open(admin, `/users/${id}`);
  await expect(admin.getByLabel("Login")).toHaveValue(login);
  await admin.getByLabel("Blocked", { exact: true }).check();
  await admin.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  await expect(user.getByRole("dialog", { name: "Your session has ended" })).toBeVisible();
  await adminContext.close();
  await userContext.close();
});
