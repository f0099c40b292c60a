// Shared steps: open a page and wait until it is hydrated, sign in through the form.
import { expect, Page } from "@playwright/test";

export const demoPassword = "Demo-Klucznik-2026";

/** Opens `path` and waits until the WebAssembly has taken over the page. */
export async function open(page: Page, path: string) {
  await page.goto(path);
  await page.waitForSelector("body[data-hydrated]");
}

/** Signs in through the login form and waits for the page that follows. */
export async function signIn(page: Page, login: string, password = demoPassword) {
  await open(page, "/login");
  await page.getByLabel("Login").fill(login);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Users with several units choose one (the default is preselected); users who may hold one
  // session only and are signed in elsewhere continue, which ends the other session.
  const next = page.getByRole("button", { name: "Continue" });
  for (let step = 0; step < 3; step++) {
    const done = await Promise.race([
      page.waitForURL((url) => !url.pathname.startsWith("/login")).then(() => true, () => true),
      next.waitFor().then(() => false, () => true),
    ]);
    if (done) break;
    await Promise.all([page.waitForResponse((r) => r.url().includes("/api/auth/login")), next.click()]);
  }
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await page.waitForSelector("body[data-hydrated]");
}

/** Opens the user menu in the title bar. */
export async function userMenu(page: Page) {
  const button = page.getByRole("button", { name: /User menu|Menu użytkownika|Uživatelská nabídka/ });
  await button.click();
  await expect(button).toHaveAttribute("aria-expanded", "true");
}
