// Substitutions of seed 003 in two browsers: an administrator defines one, the substitute
// starts it from the user menu and works with the absent user's menu and data, the audit shows
// "X for Y", the substitute ends it; started again, the administrator's deactivation ends it in
// the substitute's browser at once.
import { expect, Page, test } from "@playwright/test";
import { open, signIn, userMenu } from "./helpers";

/** A day in the account's zone, `offset` days from today, as the date inputs take it. */
function day(offset: number): string {
  const at = new Date(Date.now() + offset * 86_400_000);
  return at.toLocaleDateString("sv-SE", { timeZone: "Europe/Warsaw" });
}

async function startAsAnna(ewa: Page) {
  await userMenu(ewa);
  await ewa.getByRole("button", { name: "Start working as Anna Nowak" }).click();
  const confirm = ewa.getByRole("dialog", { name: "Work as Anna Nowak?" });
  await expect(confirm).toContainText("recorded as done by you for Anna Nowak");
  await confirm.getByRole("button", { name: "Start" }).click();
  await expect(ewa.getByRole("status").filter({ hasText: "Working as Anna Nowak" })).toBeVisible();
  await ewa.waitForSelector("body[data-hydrated]");
}

test("define, start, work as the absent user, audit, end, and a deactivation ends it live", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "magdalena.dabrowska");
  await open(admin, "/substitutions");
  await admin.getByRole("button", { name: "Add substitution" }).click();
  const form = admin.getByRole("dialog", { name: "Add substitution" });
  await form.getByLabel("Absent user").selectOption({ label: "Anna Nowak (anna.nowak)" });
  await form.getByLabel("Substitute", { exact: true }).selectOption({ label: "Ewa Szymańska (ewa.szymanska)" });
  await form.getByLabel("To", { exact: true }).fill(day(-1));
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("alert").filter({ hasText: "must not be before the first day" })).toBeVisible();
  // Piotr already substitutes Anna (the demo): shown, as information only.
  await form.getByLabel("To", { exact: true }).fill(day(3));
  await expect(form.getByRole("note")).toContainText("Anna Nowak → Piotr Wiśniewski");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form).toBeHidden();
  const row = admin.getByRole("row").filter({ hasText: "Ewa Szymańska" });
  await expect(row).toContainText("Anna Nowak");
  await expect(row).toContainText("Ongoing");

  // Ewa's own menu has no Users; working as Anna it has, and the title bar still names Ewa.
  const ewa = await (await browser.newContext()).newPage();
  await signIn(ewa, "ewa.szymanska");
  // Another spec may have left Ewa's language on Polish or Czech.
  await userMenu(ewa);
  await ewa.getByLabel(/Language|Język|Jazyk/).selectOption("en");
  await expect(ewa.getByRole("heading", { name: "Welcome, Ewa Szymańska" })).toBeVisible();
  await ewa.getByRole("button", { name: /User menu/ }).click();
  const nav = ewa.getByRole("navigation", { name: "Main navigation" });
  await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
  await startAsAnna(ewa);
  await expect(nav.getByRole("link", { name: "Users" })).toBeVisible();
  await expect(ewa.getByRole("banner")).toContainText("Ewa Szymańska");
  await open(ewa, "/users");
  await expect(ewa.getByRole("table", { name: "Users" })).toContainText("anna.nowak");

  // The audit shows who worked for whom.
  await open(admin, "/audit");
  await admin.getByLabel("Action").fill("substitution.start");
  await admin.getByRole("button", { name: "Filter" }).click();
  const audit = admin.getByRole("table", { name: "Audit" });
  await expect(audit).toContainText("Ewa Szymańska (ewa.szymanska) for Anna Nowak (anna.nowak)");

  // Ending it brings back Ewa's own menu.
  await ewa.getByRole("button", { name: "End working as Anna Nowak" }).click();
  await expect(ewa.getByRole("status").filter({ hasText: "Working as" })).toHaveCount(0);
  await ewa.waitForSelector("body[data-hydrated]");
  await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);

  // Started again; the administrator deactivates it, with a warning, and Ewa is told at once.
  await startAsAnna(ewa);
  await open(admin, "/substitutions");
  await admin.getByRole("row").filter({ hasText: "Ewa Szymańska" })
    .getByRole("button", { name: "Edit the substitution of Anna Nowak" }).click();
  const edit = admin.getByRole("dialog", { name: "Edit the substitution of Anna Nowak" });
  await expect(edit.getByLabel("From", { exact: true })).toBeDisabled();
  await edit.getByLabel("Active", { exact: true }).uncheck();
  await edit.getByRole("button", { name: "Save" }).click();
  const warning = admin.getByRole("dialog", { name: "Deactivate an ongoing substitution?" });
  await expect(warning).toContainText("Ewa Szymańska is substituting for Anna Nowak right now");
  await warning.getByRole("button", { name: "Deactivate" }).click();
  const ended = ewa.getByRole("dialog", { name: "Work on someone's behalf ended" });
  await expect(ended).toContainText("the substitution was deactivated");
  // The page behind has switched by itself (issue 14): her own name, no banner, no Users.
  await expect(ewa.getByRole("status").filter({ hasText: "Working as Anna Nowak" })).toHaveCount(0);
  await expect(ewa.getByRole("heading", { name: "Welcome, Ewa Szymańska" })).toBeAttached();
  await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
  expect(await ended.evaluate((d) => d.matches(":modal"))).toBe(true);
  await ended.getByRole("button", { name: "Continue as myself" }).click();
  await ewa.waitForSelector("body[data-hydrated]");
  await expect(ewa.getByRole("status").filter({ hasText: "Working as" })).toHaveCount(0);
  await admin.getByRole("tab", { name: "Inactive" }).click();
  await expect(admin.getByRole("row").filter({ hasText: "Ewa Szymańska" })).toContainText("Deactivated");

  // Her notifications say why.
  await ewa.getByRole("button", { name: /Notifications: \d+ unread/ }).click();
  const notices = ewa.getByRole("dialog", { name: "Notifications" });
  await expect(notices).toContainText("Your work as Anna Nowak ended: the substitution was deactivated.");
  await notices.getByRole("button", { name: "Mark all as read" }).click();
  await expect(ewa.getByRole("button", { name: "Notifications", exact: true })).toBeVisible();
});
