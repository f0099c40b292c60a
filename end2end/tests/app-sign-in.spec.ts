// Applications sign their users in through Klucznik (issue 17): a session opened through the
// API appears live in the console's sessions list with its service and session name, and
// ending it there makes the application's next call with its token fail.
import { expect, Page, test } from "@playwright/test";
import { demoPassword, open, signIn } from "./helpers";

function rowWith(page: Page, text: string) {
  return page.getByRole("table", { name: "Sessions" }).getByRole("row").filter({ hasText: text });
}

test("an application's session is listed live and ended from the console", async ({ page, request }) => {
  await signIn(page, "magdalena.dabrowska");
  await open(page, "/configuration");
  const clients = page.getByRole("region", { name: "Application clients" });
  await clients.getByLabel("Name").fill("Front desk (e2e)");
  await clients.getByRole("button", { name: "Add client" }).click();
  const dialog = page.getByRole("dialog", { name: "The client's secret" });
  const secret = (await dialog.getByTestId("client-secret").textContent())!.trim();
  await dialog.getByRole("button", { name: "Done" }).click();
  const auth = { Authorization: `Bearer ${secret}` };

  await open(page, "/sessions");
  await page.getByLabel("Show").selectOption({ label: "Open" });
  const opened = await request.post("/integration/v1/sessions", {
    headers: auth,
    data: { login: "michal.zielinski", password: demoPassword, computer: "DESK-3", session_name: "Reception kiosk 1.4" },
  });
  expect(opened.status()).toBe(201);
  const { token } = await opened.json();
  const row = rowWith(page, "Reception kiosk 1.4");
  await expect(row).toHaveCount(1, { timeout: 3_000 });
  await expect(row).toContainText("Front desk (e2e)");
  await expect(row).toContainText("DESK-3");
  expect((await request.post("/integration/v1/sessions/activity", { headers: auth, data: { token } })).status()).toBe(200);

  await row.getByRole("checkbox").check();
  await page.getByRole("button", { name: "End selected sessions" }).click();
  const confirm = page.getByRole("dialog", { name: "End 1 session?" });
  await confirm.getByRole("button", { name: "End sessions" }).click();
  await expect(row).toHaveCount(0);
  const after = await request.post("/integration/v1/sessions/activity", { headers: auth, data: { token } });
  expect(after.status()).toBe(404);
  expect((await after.json()).error).toBe("session_ended");
});
