#!/usr/bin/env node
'use strict';
// The `dgmlab` command: runs the compiled CLI (dist/cli). Build it with `npm run build:lib` (npm install does).
const path = require('path');
const fs = require('fs');

const cli = path.join(__dirname, '..', 'dist', 'cli', 'index.js');
if (!fs.existsSync(cli)) {
  process.stderr.write(`dgmlab: ${path.relative(process.cwd(), cli)} is missing — build the library first: npm run build:lib\n`);
  process.exit(1);
}
require(cli)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e) => {
    process.stderr.write(`dgmlab: ${(e && e.stack) || e}\n`);
    process.exitCode = 1;
  });
