// Live events through /events: what one browser does appears in another without a reload.
import { expect, test } from "@playwright/test";
import { open, signIn, demoPassword } from "./helpers";

test("a sign-in in one browser appears in another's online list", async ({ browser }) => {
  const watcher = await browser.newContext();
  const other = await browser.newContext();
  const watching = await watcher.newPage();
  await signIn(watching, "magdalena.dabrowska");
  const online = watching.getByRole("table", { name: /open sessions?$/ });
  await expect(online).toBeVisible();
  await expect(watching.getByText("Live updates on")).toBeVisible();
  await expect(online.getByRole("row", { name: /Piotr Wiśniewski/ })).toHaveCount(0);

  await signIn(await other.newPage(), "piotr.wisniewski");
  // No reload: the event arrives over the page's one EventSource.
  await expect(online.getByRole("row", { name: /Piotr Wiśniewski/ })).toBeVisible();
  await watcher.close();
  await other.close();
});

test("a session ended elsewhere is told so at once", async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const page = await first.newPage();
  await signIn(page, "michal.zielinski");
  await expect(page.getByText("Live updates on")).toBeVisible();

  const elsewhere = await second.newPage();
  await signIn(elsewhere, "michal.zielinski");
  await open(elsewhere, "/password");
  await elsewhere.getByLabel("Current password").fill(demoPassword);
  await elsewhere.getByLabel("New password", { exact: true }).fill("Michal-New-Secret-2026");
  await elsewhere.getByLabel("Confirm new password").fill("Michal-New-Secret-2026");
  await elsewhere.getByLabel("End my other sessions").check();
  await elsewhere.getByRole("button", { name: "Change password" }).click();
  await expect(elsewhere.getByRole("status").filter({ hasText: "Your password has been changed." })).toBeVisible();

  const dialog = page.getByRole("dialog", { name: "Your session has ended" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Go to sign-in" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await first.close();
  await second.close();
});
