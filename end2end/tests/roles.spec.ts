// Roles in the browser: copying, membership from both sides, export and import of settings.
import { expect, test } from "@playwright/test";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { open, signIn } from "./helpers";

async function openRole(page: import("@playwright/test").Page, name: string) {
  await open(page, "/roles");
  await page.getByRole("link", { name: `Edit ${name}`, exact: true }).click();
  await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue(name);
}

test("a role is copied with its members under the next free name", async ({ page }) => {
  await signIn(page, "magdalena.dabrowska");
  await openRole(page, "Sprzedawcy");
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByRole("heading", { name: "Sprzedawcy (1)" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Members" })).toContainText("jan.kowalski");
  await openRole(page, "Sprzedawcy");
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByRole("heading", { name: "Sprzedawcy (2)" })).toBeVisible();
});

test("membership is edited from the role and from the user card", async ({ page }) => {
  await signIn(page, "magdalena.dabrowska");
  await openRole(page, "Magazynierzy");
  const outside = page.getByRole("list", { name: "Users not in the role" });
  await outside.getByLabel("Select anna.nowak").check();
  await outside.getByLabel("Select jan.kowalski").check();
  await page.getByRole("button", { name: "Join to the role" }).click();
  const members = page.getByRole("list", { name: "Members" });
  await expect(members).toContainText("anna.nowak");
  await expect(members).toContainText("jan.kowalski");

  // From the other side: Jan's card shows the role; taking it away there shows on the role.
  await open(page, "/users");
  await page.getByRole("link", { name: "jan.kowalski", exact: true }).click();
  const roles = page.getByRole("group", { name: "Roles" });
  await expect(roles.getByLabel("Magazynierzy")).toBeChecked();
  await roles.getByLabel("Magazynierzy").uncheck();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await openRole(page, "Magazynierzy");
  await expect(page.getByRole("list", { name: "Members" })).not.toContainText("jan.kowalski");
  await page.getByRole("list", { name: "Members" }).getByLabel("Select anna.nowak").check();
  await page.getByRole("button", { name: "Detach from the role" }).click();
  await expect(page.getByRole("list", { name: "Members" })).not.toContainText("anna.nowak");
});

test("role settings are exported and imported into another role", async ({ page }) => {
  await signIn(page, "magdalena.dabrowska");
  await openRole(page, "Kadry");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export settings" }).click()]);
  expect(download.suggestedFilename()).toBe("Kadry.json");
  const file = path.join(os.tmpdir(), `kadry-${Date.now()}.json`);
  await download.saveAs(file);
  expect(JSON.parse(fs.readFileSync(file, "utf8")).format).toBe("klucznik.role-settings");

  await open(page, "/roles");
  // Into the copy made above, so that the demo roles keep their rights for later tests.
  await page.getByLabel("Select Sprzedawcy (2)").check();
  await page.getByLabel("Settings file").setInputFiles(file);
  await page.getByRole("button", { name: "Import settings" }).click();
  const confirm = page.getByRole("dialog", { name: "Import settings" });
  await expect(confirm).toContainText("Sprzedawcy (2)");
  await confirm.getByRole("button", { name: "Import settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The settings were imported into 1 role." })).toBeVisible();

  await openRole(page, "Sprzedawcy (2)");
  await expect(page.getByLabel("Description")).toHaveValue("Kadry: prowadzą kartoteki pracowników.");
  await expect(page.getByRole("checkbox", { name: "Nordwind sp. z o.o. / Kadry" })).toBeChecked();
});

test("a damaged settings file is refused with the seed's message", async ({ page }) => {
  await signIn(page, "magdalena.dabrowska");
  await open(page, "/roles");
  const file = path.join(os.tmpdir(), `damaged-${Date.now()}.json`);
  fs.writeFileSync(file, '{"format": "klucznik.role-settings", "version": 1, "grants": [');
  // Into the copy made above, so that the demo roles keep their rights for later tests.
  await page.getByLabel("Select Sprzedawcy (2)").check();
  await page.getByLabel("Settings file").setInputFiles(file);
  await page.getByRole("button", { name: "Import settings" }).click();
  await expect(page.getByText("Incorrect file format or damaged file. The settings cannot be imported.")).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);
});
