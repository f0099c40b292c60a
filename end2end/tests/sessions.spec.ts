// The sessions list of seed 000 in two browsers: live rows, ending a session and the notice in
// the ended browser, the own session, the "already signed in" choice, and the exports.
import { expect, Page, test } from "@playwright/test";
import { execFileSync } from "child_process";
import * as fs from "fs";
import { open, signIn } from "./helpers";

/** The row of the sessions table that holds `text`. */
function rowWith(page: Page, text: string) {
  return page.getByRole("table", { name: "Sessions" }).getByRole("row").filter({ hasText: text });
}

test("a sign-in appears live in the list, and ending it tells the other browser at once", { tag: "@phone" }, async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "magdalena.dabrowska");
  await open(admin, "/sessions");
  await admin.getByLabel("Show").selectOption({ label: "Open" });
  const own = rowWith(admin, "this session");
  await expect(own).toHaveCount(1);
  await expect(own.getByRole("checkbox")).toBeDisabled();

  const user = await (await browser.newContext()).newPage();
  await signIn(user, "jan.kowalski");
  const jan = rowWith(admin, "jan.kowalski");
  await expect(jan).toHaveCount(1, { timeout: 2_000 });

  await jan.getByRole("checkbox").check();
  await admin.getByRole("button", { name: "End selected sessions" }).click();
  const confirm = admin.getByRole("dialog", { name: "End 1 session?" });
  await confirm.getByLabel("Reason (optional)").fill("Przerwa serwisowa");
  const clicked = Date.now();
  await confirm.getByRole("button", { name: "End sessions" }).click();
  const told = user.getByRole("dialog", { name: "Your session has ended" });
  await expect(told).toBeVisible({ timeout: 3_000 });
  console.log(`end click → dialog in the ended browser: ${Date.now() - clicked} ms`);
  await expect(told).toContainText("Your session was ended by Magdalena Dąbrowska at");
  await expect(told).toContainText("Reason: Przerwa serwisowa");
  await told.getByRole("button", { name: "Go to sign-in" }).click();
  await expect(user).toHaveURL(/\/login$/);
  await expect(jan).toHaveCount(0);
  await admin.getByLabel("Show").selectOption({ label: "Ended" });
  await expect(rowWith(admin, "jan.kowalski").first()).toContainText("magdalena.dabrowska");
});

test("a user signed in elsewhere chooses to cancel or to end the other session", { tag: "@phone" }, async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  await signIn(first, "anna.nowak");
  const second = await (await browser.newContext()).newPage();
  await open(second, "/login");
  await second.getByLabel("Login").fill("anna.nowak");
  await second.getByLabel("Password", { exact: true }).fill("Demo-Klucznik-2026");
  // Anna chooses her unit first, then learns she is signed in elsewhere.
  const chooseUnit = async () => {
    await second.getByRole("button", { name: "Sign in" }).click();
    await expect(second.getByLabel("Unit")).toBeVisible();
    await second.getByRole("button", { name: "Continue" }).click();
  };
  await chooseUnit();
  const warning = second.getByRole("alert");
  await expect(warning).toContainText("You are already signed in at");
  await second.getByRole("button", { name: "Cancel" }).click();
  await expect(warning).toBeHidden();
  await expect(second).toHaveURL(/\/login$/);

  await chooseUnit();
  await expect(warning).toBeVisible();
  await second.getByRole("button", { name: "Continue" }).click();
  await expect(second).toHaveURL((url) => !url.pathname.startsWith("/login"));
  const told = first.getByRole("dialog", { name: "Your session has ended" });
  await expect(told).toBeVisible();
  await expect(told).toContainText("You signed in elsewhere");
});

test("own sessions are listed in the user menu and the others can be ended", { tag: "@phone" }, async ({ browser }) => {
  const here = await (await browser.newContext()).newPage();
  await signIn(here, "piotr.wisniewski");
  const there = await (await browser.newContext()).newPage();
  await signIn(there, "piotr.wisniewski");
  await open(here, "/my/sessions");
  const table = here.getByRole("table", { name: "My sessions" });
  await expect(table.getByRole("row").filter({ hasText: "this session" })).toHaveCount(1);
  const endButtons = table.getByRole("button", { name: /^End session \d+$/ });
  await expect(endButtons.first()).toBeVisible();
  await here.getByRole("button", { name: "End all my other sessions" }).click();
  await expect(there.getByRole("dialog", { name: "Your session has ended" })).toBeVisible();
  await expect(endButtons).toHaveCount(0);
});

test("the exports hold exactly the rows on screen", async ({ browser }) => {
  // Ewa has at least this session, whatever ran before.
  await signIn(await (await browser.newContext()).newPage(), "ewa.szymanska");
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "magdalena.dabrowska");
  await open(page, "/sessions");
  await page.getByLabel("Search by user").fill("ewa.szymanska");
  const rows = page.getByRole("table", { name: "Sessions" }).getByRole("row").filter({ hasText: "ewa.szymanska" });
  await expect(rows.first()).toBeVisible();
  const onScreen = await rows.count();
  await expect(page.getByRole("button", { name: "Next page", exact: true })).toBeDisabled();
  expect(onScreen).toBeGreaterThan(0);

  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export to CSV" }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^sessions-.*\.csv$/);
  const lines = fs.readFileSync(await csv.path(), "utf8").trim().split(/\r\n/);
  expect(lines[0]).toContain("Id,User,Computer");
  expect(lines[0]).toMatch(/,Account$/);
  expect(lines.length - 1).toBe(onScreen);
  expect(lines.slice(1).every((l) => l.includes("ewa.szymanska"))).toBe(true);
  await expect(page.getByRole("status").filter({ hasText: "Exported" })).toBeVisible();

  const [xlsx] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export to Excel" }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  // Read the workbook with Python's zipfile: the rows, and the dates stored as numbers with a
  // date format (not as text).
  const script =
    "import sys,zipfile,re;z=zipfile.ZipFile(sys.argv[1]);s=z.read('xl/worksheets/sheet1.xml').decode();" +
    "t=z.read('xl/sharedStrings.xml').decode();print(len(re.findall('<row ',s)));print(t.count('ewa.szymanska'));" +
    "print(len(re.findall(r'<c r=\"E2\" s=\"[0-9]+\"><v>[0-9.]+</v>',s)))";
  const [rowCount, logins, dated] = execFileSync("python3", ["-c", script, await xlsx.path()], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map(Number);
  expect(rowCount - 1).toBe(onScreen);
  expect(logins).toBe(1);
  expect(dated).toBe(1);
});
