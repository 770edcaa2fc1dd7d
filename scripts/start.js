#!/usr/bin/env node
'use strict';
/**
 * `npm start` — build if needed, set up the kernel, and open the course in Jupyter Notebook.
 *
 *   npm start [-- --port 8888] [-- --no-browser]
 *
 * The server listens on 127.0.0.1 only and always with a token (a fresh random one unless DGMLAB_TOKEN is set);
 * no other Jupyter option is passed through, so neither can be weakened from the command line. Ctrl-C stops the
 * server cleanly (SIGTERM to Jupyter, which shuts its kernels down).
 */
const { spawn, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const path = require('path');
const { jupyterEnv, jupyterPython, ROOT } = require('../kernel-setup/python');

function usage(message) {
  console.error(`npm start: ${message}\nusage: npm start [-- --port N] [-- --no-browser]`);
  process.exit(64);
}

function parseArgs(argv) {
  const opts = { port: 8888, browser: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-browser') opts.browser = false;
    else if (a === '--port' || a.startsWith('--port=')) {
      const v = a.includes('=') ? a.split('=')[1] : argv[++i];
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 65535) usage(`--port must be an integer in [1, 65535] (got ${JSON.stringify(v)})`);
      opts.port = n;
    } else usage(`unknown option ${JSON.stringify(a)} (only --port and --no-browser are passed to Jupyter; it always listens on 127.0.0.1 with a token)`);
  }
  return opts;
}

function prepare() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'index.js'))) {
    console.log('Building the library…');
    const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', path.join(ROOT, 'tsconfig.json')], { stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status || 1);
  }
  const r = spawnSync(process.execPath, [path.join(ROOT, 'kernel-setup', 'setup.js'), '--quiet'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status || 1);
}

/** Resolve when GET /api/status answers 200 with the token (the server is up), or reject after `seconds`. */
function waitForServer(port, token, seconds) {
  const deadline = Date.now() + seconds * 1000;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const req = http.get({ host: '127.0.0.1', port, path: `/api/status?token=${token}`, timeout: 2000 }, (res) => {
        res.resume();
        if (res.statusCode === 200) resolve();
        else retry();
      });
      req.on('error', retry);
      req.on('timeout', () => req.destroy());
    };
    const retry = () => (Date.now() > deadline ? reject(new Error(`Jupyter did not answer on 127.0.0.1:${port} within ${seconds} s`)) : setTimeout(attempt, 300));
    attempt();
  });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  prepare();
  const token = process.env.DGMLAB_TOKEN || crypto.randomBytes(24).toString('hex');
  if (token.length < 16) usage('DGMLAB_TOKEN must be at least 16 characters');
  const notebooksDir = path.join(ROOT, 'notebooks');
  const args = [
    '-m', 'notebook',
    `--notebook-dir=${notebooksDir}`,
    '--NotebookApp.ip=127.0.0.1',
    `--NotebookApp.port=${opts.port}`,
    '--NotebookApp.port_retries=0',
    `--NotebookApp.token=${token}`,
    '--NotebookApp.password=',
    '--NotebookApp.allow_remote_access=False',
    '--NotebookApp.open_browser=' + (opts.browser ? 'True' : 'False'),
    '--NotebookApp.default_url=/notebooks/index.ipynb',
    '--NotebookApp.log_level=WARN',
  ];
  // Jupyter refuses to run as root without this (containers, CI machines); the token and 127.0.0.1 still apply.
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--allow-root');
  const child = spawn(jupyterPython(), args, { cwd: notebooksDir, env: jupyterEnv(), stdio: ['ignore', 'inherit', 'inherit'] });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping Jupyter…');
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code, signal) => {
    if (!stopping && code !== 0) console.error(`Jupyter exited (${signal || code}); its message is above. If port ${opts.port} is in use, try: npm start -- --port ${opts.port + 1}`);
    process.exit(stopping ? 0 : code || 1);
  });
  try {
    await waitForServer(opts.port, token, 60);
  } catch (e) {
    console.error(e.message);
    stop();
    return;
  }
  console.log(`\nThe course is running. Open:\n\n    http://127.0.0.1:${opts.port}/notebooks/index.ipynb?token=${token}\n\nPress Ctrl-C to stop.`);
}

main();
