// Business applications: an administrator adds a client in the console, the decision API
// (AuthZEN) answers with its secret, follows a right granted and denied in the console without
// a restart, and refuses the secret once the client is revoked.
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
