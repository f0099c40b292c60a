import { test } from "@playwright/test";
import { signIn, open } from "./helpers";
test("shots", async ({ page }) => {
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") console.log("CONSOLE", m.text()); });
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "magdalena.dabrowska");
  for (const [p, n] of [["/users", "users"], ["/users/2", "usercard"], ["/users/new", "usernew"], ["/roles", "roles"], ["/roles/3", "rolecard"], ["/units", "units"], ["/persons", "persons"], ["/persons/2", "personcard"], ["/configuration", "config"]]) {
    await open(page, p);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `/tmp/shots/${n}.png`, fullPage: true });
  }
});
