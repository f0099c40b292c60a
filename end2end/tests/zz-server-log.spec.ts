// Runs last (its own project "server-log", the last in playwright.config.ts, one worker): the
// server that served every scenario of both widths must not have panicked, not even in work that
// outlived a request (issue 13).
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";

test("the server logged no panic during the run", () => {
  const log = readFileSync(".tmp/server.log", "utf8");
  const panics = log.split("\n").filter((line) => line.includes("panicked at"));
  expect(panics, panics.join("\n")).toEqual([]);
});
