// Sub-accounts of seed 004 in two browsers: an administrator adds one and gives a user access,
// the user switches in from the title bar and back, a sub-account user has no switcher and
// cannot reach the main account, and withdrawing access sends the user home live.
import { expect, Page, test } from "@playwright/test";
import { open, signIn } from "./helpers";

async function giveBrno(admin: Page, login: string, give: boolean) {
  await open(admin, "/users");
  await admin.getByLabel("Search users").fill(login);
  await admin.getByRole("button", { name: `Change sub-accounts of ${login}` }).click();
  const dialog = admin.getByRole("dialog", { name: `Sub-accounts of ${login}` });
  const brno = dialog.getByRole("checkbox", { name: /Oddział Brno/ });
  if (give) await brno.check();
  else await brno.uncheck();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  const row = admin.getByRole("row").filter({ hasText: login });
  if (give) await expect(row).toContainText("Oddział Brno");
  else await expect(row).not.toContainText("Oddział Brno");
}

async function switchTo(page: Page, account: RegExp) {
  await page.getByRole("button", { name: "Switch account" }).click();
  const dialog = page.getByRole("dialog", { name: "Switch account" });
  await dialog.getByRole("radio", { name: account }).check();
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("banner")).toContainText(account);
  await page.waitForSelector("body[data-hydrated]");
}

test("an administrator adds a sub-account and gives access; the user switches in and back", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "magdalena.dabrowska");
  await open(admin, "/accounts");
  await admin.getByRole("button", { name: "Add account" }).click();
  const add = admin.getByRole("dialog", { name: "Add account" });
  await add.getByLabel("Name").fill("Oddział Poznań");
  await add.getByLabel("External identifier (PT id)").fill("PT 5");
  await add.getByRole("button", { name: "Next" }).click();
  await expect(add.getByRole("alert").first()).toContainText("External identifier (PT id): may hold letters");
  await add.getByLabel("External identifier (PT id)").fill("PT-0005");
  await add.getByRole("button", { name: "Next" }).click();
  await expect(add).toContainText("Create the sub-account Oddział Poznań with the identifier PT-0005?");
  await add.getByRole("button", { name: "Confirm" }).click();
  await expect(add).toBeHidden();
  const table = admin.getByRole("table", { name: "Sub-accounts" });
  await expect(table.getByRole("row").filter({ hasText: "Oddział Poznań" })).toContainText("PT-0005");

  const anna = await (await browser.newContext()).newPage();
  await signIn(anna, "anna.nowak");
  await expect(anna.getByRole("button", { name: "Switch account" })).toHaveCount(0);
  await giveBrno(admin, "anna.nowak", true);
  // Applied at once: the switcher appears without a reload or a new sign-in.
  await expect(anna.getByRole("button", { name: "Switch account" })).toBeVisible();

  await switchTo(anna, /Oddział Brno/);
  await open(anna, "/persons");
  const persons = anna.getByRole("table", { name: "Persons" });
  await expect(persons).toContainText("Svoboda");
  await expect(persons).not.toContainText("Nowak");
  await switchTo(anna, /Nordwind/);
  await open(anna, "/persons");
  await expect(anna.getByRole("table", { name: "Persons" })).toContainText("Nowak");
});

test("a sub-account's user has no switcher and cannot reach the main account", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "magdalena.dabrowska");
  await open(admin, "/persons");
  await admin.getByRole("link", { name: /Nowak/ }).first().click();
  await expect(admin).toHaveURL(/\/persons\/\d+$/);
  const mainPerson = new URL(admin.url()).pathname;

  const petr = await (await browser.newContext()).newPage();
  await signIn(petr, "petr.svoboda");
  await expect(petr.getByRole("banner")).toContainText("Oddział Brno");
  await expect(petr.getByRole("button", { name: "Switch account" })).toHaveCount(0);
  await open(petr, mainPerson);
  await expect(petr.getByRole("alert").filter({ hasText: "Not found." })).toBeVisible();
});

test("withdrawing access while the user is inside sends her back to the main account live", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "magdalena.dabrowska");
  const anna = await (await browser.newContext()).newPage();
  await signIn(anna, "anna.nowak");
  await switchTo(anna, /Oddział Brno/);

  await giveBrno(admin, "anna.nowak", false);
  const told = anna.getByRole("dialog", { name: "Back in the main account" });
  await expect(told).toBeVisible({ timeout: 3_000 });
  await expect(told).toContainText("Your access to Oddział Brno has ended");
  await told.getByRole("button", { name: "Close" }).click();
  await expect(anna.getByRole("banner")).toContainText("Nordwind");
  await expect(anna.getByRole("button", { name: "Switch account" })).toHaveCount(0);
});
