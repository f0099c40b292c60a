// Signing in and out, the forced first password change, the language switch.
import { expect, test } from "@playwright/test";
import { adminPassword } from "../playwright.config";
import { open, signIn, userMenu } from "./helpers";

test("a wrong password shows a message and opens no session", { tag: "@phone" }, async ({ page }) => {
  await open(page, "/login");
  await page.getByLabel("Login").fill("anna.nowak");
  await page.getByLabel("Password", { exact: true }).fill("not her password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong login or password." })).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  const me = await page.request.post("/api/auth/me");
  expect(me.status()).toBe(401);
});

test("the first sign-in of admin forces a password change", async ({ page }) => {
  await signIn(page, "admin", adminPassword);
  await expect(page).toHaveURL(/\/password$/);
  await expect(page.getByRole("status").filter({ hasText: "You must change your password" })).toBeVisible();
  // The dashboard is out of reach until then.
  await open(page, "/");
  await expect(page).toHaveURL(/\/password$/);

  await page.getByLabel("Current password").fill(adminPassword);
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByLabel("Confirm new password").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("New password: must have at least 12 characters.")).toBeVisible();

  await page.getByLabel("New password", { exact: true }).fill("A-much-better-secret-2026");
  await page.getByLabel("Confirm new password").fill("A-much-better-secret-2026");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your password has been changed." })).toBeVisible();
  await page.getByRole("button", { name: "Back to the dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Administrator" })).toBeVisible();
});

test("signing in shows the dashboard with the user and the account", { tag: "@phone" }, async ({ page }) => {
  await signIn(page, "anna.nowak");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Welcome, Anna Nowak" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Nordwind sp. z o.o.");
  await expect(page.getByRole("button", { name: /User menu.*Anna Nowak/ })).toBeVisible();
  const online = page.getByRole("table", { name: /open sessions?$/ });
  await expect(online.getByRole("row", { name: /Anna Nowak.*\(you\)/ })).toBeVisible();
  // On a phone (project chromium-390) the navigation folds away behind the Menu button.
  if (page.viewportSize()!.width <= 760) {
    const toggle = page.getByRole("button", { name: "Menu", exact: true });
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
  }
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Dashboard" })).toBeVisible();
});

test("the language switches at once and stays after a reload", { tag: "@phone" }, async ({ page }) => {
  await signIn(page, "ewa.szymanska");
  await userMenu(page);
  await page.getByLabel("Language").selectOption("pl");
  await expect(page.getByRole("heading", { name: "Witaj, Ewa Szymańska" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Witaj, Ewa Szymańska" })).toBeVisible();
  await page.waitForSelector("body[data-hydrated]");
  await userMenu(page);
  await page.getByLabel("Język").selectOption("cs");
  await expect(page.getByRole("heading", { name: "Vítejte, Ewa Szymańska" })).toBeVisible();
});

test("logging out returns to sign-in and closes the session", { tag: "@phone" }, async ({ page }) => {
  await signIn(page, "jan.kowalski");
  await userMenu(page);
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: "Sign in to Klucznik" })).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
});
