#!/usr/bin/env node
// Runs the Azurite Table service in memory on 127.0.0.1, on the port given as the first argument
// (10002 by default), with telemetry off. With --exit-with-parent it also ends when its stdin
// closes: a test process holds that pipe open, so Azurite never outlives a crashed test run.
"use strict";
const path = require("path");

const args = process.argv.slice(2);
const port = args.find((a) => /^\d+$/.test(a)) || "10002";
const main = path.join(__dirname, "..", "node_modules", "azurite", "dist", "src", "table", "main.js");

if (args.includes("--exit-with-parent")) {
  process.stdin.on("end", () => process.exit(0));
  process.stdin.on("error", () => process.exit(0));
  process.stdin.resume();
}

process.argv = [process.argv[0], main,
  "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck", "--silent",
  "--tableHost", "127.0.0.1", "--tablePort", port];
require(main);
