#!/usr/bin/env node
// Runs Azurite in memory on 127.0.0.1: the Table service on the port given as the first argument
// (10002 by default) and the Blob service (index snapshots) on the second (10000 by default), with
// telemetry off. Azurite's Queue service, which the app does not use, takes any free port. With
// --exit-with-parent it also ends when its stdin closes: a test process holds that pipe open, so
// Azurite never outlives a crashed test run.
"use strict";
const path = require("path");

const args = process.argv.slice(2);
const ports = args.filter((a) => /^\d+$/.test(a));
const tablePort = ports[0] || "10002";
const blobPort = ports[1] || "10000";
const main = path.join(__dirname, "..", "node_modules", "azurite", "dist", "src", "azurite.js");

if (args.includes("--exit-with-parent")) {
  process.stdin.on("end", () => process.exit(0));
  process.stdin.on("error", () => process.exit(0));
  process.stdin.resume();
}

process.argv = [process.argv[0], main,
  "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck", "--silent",
  "--tableHost", "127.0.0.1", "--tablePort", tablePort,
  "--blobHost", "127.0.0.1", "--blobPort", blobPort,
  "--queueHost", "127.0.0.1", "--queuePort", "0"];
require(main);
