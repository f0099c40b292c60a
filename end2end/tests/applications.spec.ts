// Business applications: an administrator adds a client in the console, the decision API
// (AuthZEN) answers with its secret, follows a right granted and denied in the console without
// a restart, and refuses the secret once the client is revoked; an application registered from
// its catalogue file gets its modules in the editors and its own decisions.
import { APIRequestContext, expect, Page, test } from "@playwright/test";
import { open, signIn } from "./helpers";

async function decide(request: APIRequestContext, secret: string, login: string, action: string, type: string) {
  const answer = await request.post("/access/v1/evaluation", {
    headers: { Authorization: `Bearer ${secret}` },
    data: { subject: { type: "user", id: login }, action: { name: action }, resource: { type, id: "1" } },
  });
  return { status: answer.status(), body: answer.status() === 200 ? await answer.json() : await answer.text() };
}

/** Clicks the View cell of the open rights editor until it says `state`, then saves. */
async function setView(page: Page, state: "allow" | "deny" | "inherit") {
  for (let i = 0; i < 3; i++) {
    if (await page.getByRole("button", { name: `View: ${state}`, exact: true }).isVisible()) break;
    await page.getByRole("button", { name: /^View: (allow|deny|inherit)$/ }).first().click();
  }
  await expect(page.getByRole("button", { name: `View: ${state}`, exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Save rights" }).click();
  await expect(page.getByRole("status")).toContainText("The rights were saved");
}

test("a client added in the console gets decisions that follow the rights editor", async ({ page, request }) => {
  await signIn(page, "magdalena.dabrowska");
  await open(page, "/configuration");
  const section = page.getByRole("region", { name: "Application clients" });
  await expect(section).toBeVisible();
  await section.getByLabel("Name").fill("Nordwind POS (e2e)");
  await section.getByRole("button", { name: "Add client" }).click();
  const dialog = page.getByRole("dialog", { name: "The client's secret" });
  await expect(dialog).toBeVisible();
  const secret = (await dialog.getByTestId("client-secret").textContent())!.trim();
  expect(secret.length).toBeGreaterThan(20);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByRole("cell", { name: "Nordwind POS (e2e)", exact: true })).toBeVisible();

  expect(await decide(request, secret, "ewa.szymanska", "view", "users")).toEqual({ status: 200, body: { decision: false } });

  await open(page, "/users");
  await page.getByRole("link", { name: "ewa.szymanska", exact: true }).click();
  await page.getByRole("link", { name: "Rights", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Rights of ewa.szymanska" })).toBeVisible();
  await setView(page, "allow");
  expect(await decide(request, secret, "ewa.szymanska", "view", "users")).toEqual({ status: 200, body: { decision: true } });
  await setView(page, "deny");
  expect(await decide(request, secret, "ewa.szymanska", "view", "users")).toEqual({ status: 200, body: { decision: false } });
  await setView(page, "inherit");

  await open(page, "/configuration");
  await section.getByRole("button", { name: "Revoke — Nordwind POS (e2e)" }).click();
  const confirm = page.getByRole("dialog", { name: "Revoke" });
  await confirm.getByRole("button", { name: "Revoke" }).click();
  await expect(section.getByRole("row").filter({ hasText: "Nordwind POS (e2e)" })).toContainText("revoked");
  expect((await decide(request, secret, "ewa.szymanska", "view", "users")).status).toBe(401);
});

const SHOP = JSON.stringify({
  format: 1,
  application: { key: "shop_e2e", name: { en: "Shop (e2e)", pl: "Sklep (e2e)", cs: "Obchod (e2e)" } },
  version: "1",
  areas: [{ key: "till", name: "Till", modules: [
    { key: "receipts", name: { en: "Receipts", pl: "Paragony", cs: "Účtenky" }, operations: ["view", "create", { key: "refund", name: "Refund" }] },
  ] }],
  permissions: [{ key: "discount", name: "Give discounts" }],
}, null, 2);

/** Cycles an application right's cell in the open editor until it says `state`, then saves. */
async function setCell(page: Page, right: string, state: "allow" | "deny" | "inherit") {
  const exact = page.getByRole("button", { name: `${right}: ${state}`, exact: true });
  for (let i = 0; i < 3 && !(await exact.isVisible()); i++) {
    await page.getByRole("button", { name: new RegExp(`^${right}: (allow|deny|inherit)$`) }).click();
  }
  await expect(exact).toBeVisible();
  await page.getByRole("button", { name: "Save rights" }).click();
  await expect(page.getByRole("status")).toContainText("The rights were saved");
}

test("an application registered from a file is granted in a role's editor and decided at once", async ({ page, request }) => {
  await signIn(page, "magdalena.dabrowska");
  await open(page, "/configuration");
  const section = page.getByRole("region", { name: "Applications" });
  // A broken file is refused with its line, and nothing is registered.
  await section.getByLabel("Catalogue file").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from('{"format": 1,\n "application": }') });
  await section.getByRole("button", { name: "Register or update from a file" }).click();
  await expect(section.getByRole("alert").filter({ hasText: "line 2" })).toBeVisible();

  await section.getByLabel("Catalogue file").setInputFiles({ name: "shop.json", mimeType: "application/json", buffer: Buffer.from(SHOP) });
  await section.getByRole("button", { name: "Register or update from a file" }).click();
  const preview = page.getByRole("dialog", { name: "Apply catalogue of Shop (e2e)?" });
  await expect(preview).toBeVisible();
  await expect(preview).toContainText("A new application is registered.");
  await expect(preview).toContainText("receipts.refund — Receipts: Refund");
  await preview.getByRole("button", { name: "Apply" }).click();
  await expect(preview).toBeHidden();
  await expect(section.getByRole("status")).toContainText("Catalogue of Shop (e2e) applied.");
  await expect(section.getByRole("row").filter({ hasText: "shop_e2e" })).toBeVisible();

  // A client of that application.
  const clients = page.getByRole("region", { name: "Application clients" });
  await clients.getByLabel("Name").fill("Shop till (e2e)");
  await clients.getByLabel("Application").selectOption("shop_e2e");
  await clients.getByRole("button", { name: "Add client" }).click();
  const dialog = page.getByRole("dialog", { name: "The client's secret" });
  const secret = (await dialog.getByTestId("client-secret").textContent())!.trim();
  await dialog.getByRole("button", { name: "Done" }).click();
  expect(await decide(request, secret, "ewa.szymanska", "view", "receipts")).toEqual({ status: 200, body: { decision: false } });

  // Its modules in a role's rights editor: granted, then denied, without a restart.
  await open(page, "/roles");
  await page.getByRole("link", { name: "Edit Magazynierzy", exact: true }).click();
  await page.getByRole("link", { name: "Rights", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Rights of Magazynierzy" })).toBeVisible();
  await page.getByLabel("Application").selectOption("shop_e2e");
  await expect(page.getByRole("heading", { name: "Rights of Receipts" })).toBeVisible();
  await setCell(page, "Receipts: View", "allow");
  expect(await decide(request, secret, "ewa.szymanska", "view", "receipts")).toEqual({ status: 200, body: { decision: true } });
  expect(await decide(request, secret, "ewa.szymanska", "refund", "receipts")).toEqual({ status: 200, body: { decision: false } });
  await setCell(page, "Receipts: View", "deny");
  expect(await decide(request, secret, "ewa.szymanska", "view", "receipts")).toEqual({ status: 200, body: { decision: false } });
  await setCell(page, "Receipts: View", "inherit");
});

test("the effective-rights view and compare show a business application's rights", async ({ page }) => {
  await signIn(page, "magdalena.dabrowska");
  await open(page, "/users");
  await page.getByRole("link", { name: "jan.kowalski", exact: true }).click();
  await page.getByRole("link", { name: "Effective rights", exact: true }).click();
  const row = page.getByRole("row", { name: /Nordwind ERP › Sales invoices: View/ });
  await expect(row).toContainText("allowed by role Sprzedawcy");
  await page.getByLabel("Compare with").selectOption({ label: "ewa.szymanska" });
  await expect(row).toContainText(/differs/i);
  await expect(row).toContainText("denied: nobody granted it");
  await expect(page.getByRole("row", { name: /Nordwind ERP › Goods received notes: View/ })).toContainText(/differs/i);
});
