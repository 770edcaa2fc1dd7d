#!/usr/bin/env node
'use strict';
// `npm run student [-- notebook ... --out dir --force]`: write student versions of the master notebooks into student/
// (see `dgmlab student`). Builds the library first if dist/ is missing.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
if (!fs.existsSync(path.join(root, 'dist', 'cli', 'index.js'))) {
  const r = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status || 1);
}
require(path.join(root, 'dist', 'cli', 'index.js'))
  .main(['student', ...process.argv.slice(2)])
  .then((code) => {
    process.exitCode = code;
  });
