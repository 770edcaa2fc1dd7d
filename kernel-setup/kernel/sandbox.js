#!/usr/bin/env node
'use strict';
/**
 * The grading sandbox (issue #24): starts the dgmlab kernel for ONE submission so that it cannot read what it must not
 * (the master notebook, other submissions, the rest of the checkout, the grader's environment), write outside its own
 * work folder, reach the network, leave processes behind, or use unbounded memory or output.
 *
 *   node kernel-setup/kernel/sandbox.js --config-path CONNECTION_FILE --policy POLICY.json
 *
 * (the argv of the grading kernelspec that `dgmlab grade` writes; jupyter_client fills in the connection file).
 * POLICY: { mode, root, work, ipcDir?, readOnly: [paths], readOnlyOptional: [paths], memoryMb, outputLimitBytes, traceFile }.
 *
 * Layers, each used when this machine has it (detect()):
 *   - bubblewrap (`bwrap --unshare-all --die-with-parent`): a new mount, pid, network, ipc and user namespace, all
 *     capabilities dropped. The view of the file system is /usr (and the loader's files in /etc), the library's
 *     files read-only (package.json, dist/, node_modules/, kernel-setup/, native/build/), the submission's own work
 *     folder read-write and a private /tmp. No network at all (a new network namespace with only loopback), and every
 *     process of the sandbox dies with it (pid namespace).
 *   - Node's permission model (`--experimental-permission`): fs reads limited to the same paths, writes to the work
 *     folder, no child processes; worker threads (the control channel) and addons (zeromq) stay allowed.
 *   - always: RLIMIT_DATA (memory) and RLIMIT_FSIZE (file size) through prlimit, a V8 heap bound, a clean
 *     environment, and an output bound enforced here, outside the sandbox.
 * The kernel has no TCP at all: it binds ZeroMQ `ipc://` sockets in a private folder, and this launcher (outside the
 * sandbox) relays the client's TCP connections to them byte for byte (ZMTP is the same on both), counting the output.
 *
 * The grading trace: the kernel writes one JSON line per answer-key lookup to fd 3 (DGMLAB_TRACE_FD); this launcher
 * appends them, and its own events (an output limit reached, the trace channel closed early), to policy.traceFile.
 * Kernel stdout/stderr lines are relayed with a "sandbox: " prefix, so a submission cannot forge nbexec's lines.
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const KERNEL = path.join(__dirname, 'index.js');
const CHANNELS = ['shell', 'iopub', 'stdin', 'control', 'hb'];
const PRLIMIT = '/usr/bin/prlimit';

let detected = null;

/** Which sandbox layers work on this machine: { bwrap, permission, reasons: {bwrap?, permission?} } (cached). */
function detect() {
  if (detected) return detected;
  const reasons = {};
  const b = spawnSync('bwrap', ['--unshare-all', '--die-with-parent', '--cap-drop', 'ALL', '--ro-bind', '/', '/', '--', 'true'], { encoding: 'utf8', timeout: 20000 });
  const bwrap = !b.error && b.status === 0;
  if (!bwrap) reasons.bwrap = b.error ? (b.error.code === 'ENOENT' ? 'bwrap is not installed (Debian: apt-get install bubblewrap)' : b.error.message) : `bwrap cannot create namespaces here: ${(b.stderr || '').trim().slice(0, 200)}`;
  const p = spawnSync(process.execPath, [...permissionFlags(['/'], []), '-e', 'process.exit(process.permission && !process.permission.has("child") ? 0 : 1)'], { encoding: 'utf8', timeout: 20000 });
  const permission = !p.error && p.status === 0;
  if (!permission) reasons.permission = `Node ${process.version} has no usable permission model (--experimental-permission with --allow-worker and --allow-addons needs Node >= 20.12)`;
  detected = { bwrap, permission, reasons };
  return detected;
}

/** The mode to use: the strongest available ('bwrap+permission' > 'bwrap' > 'permission' > 'none'). */
function bestMode(d = detect()) {
  if (d.bwrap && d.permission) return 'bwrap+permission';
  if (d.bwrap) return 'bwrap';
  if (d.permission) return 'permission';
  return 'none';
}

/** Node's permission-model flags: reads of `reads`, writes of `writes`, workers and addons; no child processes. */
function permissionFlags(reads, writes) {
  return [
    '--experimental-permission',
    ...reads.map((r) => `--allow-fs-read=${r}`),
    ...writes.map((w) => `--allow-fs-write=${w}`),
    '--allow-worker',
    '--allow-addons',
    '--disable-warning=ExperimentalWarning',
    '--disable-warning=SecurityWarning',
  ];
}

/** The default read-only part of the view: what the kernel and the library need, nothing else of the checkout. */
function libraryPaths(root) {
  const fashion = process.env.DGMLAB_FASHION_MNIST || '/usr/share/datasets/fashion-mnist';
  return {
    readOnly: ['package.json', 'dist', 'node_modules', 'kernel-setup'].map((p) => path.join(root, p)),
    readOnlyOptional: [path.join(root, 'native', 'build'), fashion],
  };
}

/** Environment of the sandboxed kernel: a clean one (no tokens of the grader's environment). */
function kernelEnv(policy, ipcDir) {
  const env = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: policy.work, TMPDIR: policy.mode.startsWith('bwrap') ? '/tmp' : ipcDir, LANG: process.env.LANG || 'C.UTF-8' };
  for (const [k, v] of Object.entries(process.env)) if (/^DGMLAB_/.test(k) && k !== 'DGMLAB_PYTHON') env[k] = v;
  env.DGMLAB_TRACE_FD = '3';
  env.DGMLAB_OUTPUT_LIMIT = String(policy.outputLimitBytes);
  env.DGMLAB_SANDBOX = policy.mode;
  return env;
}

const exists = (p) => {
  try {
    fs.statSync(p);
    return true;
  } catch {
    return false;
  }
};

/** bwrap's arguments for the view described above (paths keep their real names inside). */
function bwrapArgs(policy, ipcDir, env) {
  const args = ['--unshare-all', '--die-with-parent', '--new-session', '--cap-drop', 'ALL', '--clearenv'];
  for (const [k, v] of Object.entries(env)) args.push('--setenv', k, v);
  args.push('--ro-bind', '/usr', '/usr');
  for (const d of ['bin', 'sbin', 'lib', 'lib32', 'lib64', 'libx32']) {
    const p = `/${d}`;
    let link = null;
    try {
      link = fs.readlinkSync(p);
    } catch {
      /* not a symlink (or absent) */
    }
    if (link) args.push('--symlink', link, p);
    else if (exists(p)) args.push('--ro-bind', p, p);
  }
  for (const p of ['/etc/ld.so.cache', '/etc/ld.so.conf', '/etc/ld.so.conf.d', '/etc/alternatives', '/etc/localtime']) args.push('--ro-bind-try', p, p);
  const nodeDir = path.dirname(fs.realpathSync(process.execPath));
  if (!nodeDir.startsWith('/usr/')) args.push('--ro-bind', nodeDir, nodeDir);
  args.push('--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp');
  for (const p of policy.readOnly) args.push('--ro-bind', p, p);
  for (const p of policy.readOnlyOptional) args.push('--ro-bind-try', p, p);
  args.push('--bind', policy.work, policy.work, '--bind', ipcDir, ipcDir, '--chdir', policy.work);
  return args;
}

/** The command that runs the kernel under `policy`: [file, args]. */
function kernelCommand(policy, ipcDir, connFile, env) {
  const heapMb = Math.max(256, Math.floor(policy.memoryMb * 0.75));
  const nodeArgs = [`--max-old-space-size=${heapMb}`];
  if (policy.mode.includes('permission')) {
    // /etc/alpine-release: zeromq's addon loader probes it with fs.existsSync, which throws under Node 20's model.
    const reads = [...policy.readOnly, ...policy.readOnlyOptional.filter(exists), policy.work, ipcDir, '/etc/alpine-release'];
    nodeArgs.push(...permissionFlags(reads, [policy.work, ipcDir]));
  }
  const limits = [`--data=${Math.floor(policy.memoryMb * 1024 * 1024)}`, `--fsize=${256 * 1024 * 1024}`];
  const kernel = [process.execPath, ...nodeArgs, KERNEL, '--config-path', connFile];
  // prlimit (util-linux) sets the limits and runs the kernel; without it only the V8 heap bound remains.
  const limited = exists(PRLIMIT) ? [PRLIMIT, ...limits, '--', ...kernel] : kernel;
  if (policy.mode.startsWith('bwrap')) return ['bwrap', [...bwrapArgs(policy, ipcDir, env), '--', ...limited]];
  return [limited[0], limited.slice(1)];
}

/** Relay a client's TCP connection to the kernel's unix socket, counting bytes towards the client on iopub. */
function relay(client, unixPath, onBytes) {
  const k = net.connect(unixPath);
  const end = () => {
    client.destroy();
    k.destroy();
  };
  client.on('error', end);
  k.on('error', end);
  client.on('close', end);
  k.on('close', end);
  client.pipe(k);
  if (onBytes) k.on('data', onBytes);
  k.pipe(client);
}

/** A stream of the kernel's stdout/stderr, relayed line by line with a prefix. */
function prefixLines(stream, out, prefix) {
  let buf = '';
  stream.setEncoding('utf8');
  stream.on('data', (d) => {
    buf += d;
    const lines = buf.split('\n');
    buf = lines.pop();
    for (const l of lines) out.write(`${prefix}${l}\n`);
    if (buf.length > 8192) {
      out.write(`${prefix}${buf}\n`);
      buf = '';
    }
  });
  stream.on('end', () => buf && out.write(`${prefix}${buf}\n`));
}

function main(argv) {
  const arg = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const connPath = arg('--config-path');
  const policyPath = arg('--policy');
  if (!connPath || !policyPath) {
    process.stderr.write('usage: node kernel-setup/kernel/sandbox.js --config-path CONNECTION_FILE --policy POLICY.json\n');
    process.exit(64);
  }
  const policy = JSON.parse(fs.readFileSync(policyPath, 'utf8'));
  const conn = JSON.parse(fs.readFileSync(connPath, 'utf8'));
  const trace = (rec) => fs.appendFileSync(policy.traceFile, JSON.stringify(rec) + '\n');
  // The kernel's sockets and connection file: the grader's folder for this submission (removed with it, even when this
  // launcher is killed), unless its path is too long for a unix socket (108 bytes): then a private temporary folder.
  const own = policy.ipcDir && `${policy.ipcDir}/k-65535`.length < 100;
  const ipcDir = own ? policy.ipcDir : fs.mkdtempSync(path.join(os.tmpdir(), 'dgmlab-ipc-'));
  if (own) fs.mkdirSync(ipcDir, { recursive: true, mode: 0o700 });
  // ipc sockets relayed by this launcher in every mode: the kernel needs no TCP, and the output bound is enforced here.
  const useIpc = true;
  const kernelConn = useIpc ? { ...conn, transport: 'ipc', ip: path.join(ipcDir, 'k') } : conn;
  const kernelConnPath = path.join(ipcDir, 'connection.json');
  fs.writeFileSync(kernelConnPath, JSON.stringify(kernelConn), { mode: 0o600 });
  const env = kernelEnv(policy, ipcDir);
  const [file, args] = kernelCommand(policy, ipcDir, kernelConnPath, env);
  const child = spawn(file, args, { cwd: policy.work, env, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
  let exited = false;

  const servers = [];
  let outputBytes = 0;
  let limited = false;
  const kill = () => {
    try {
      child.kill('SIGKILL');
    } catch {
      /* gone */
    }
  };
  if (useIpc) {
    for (const ch of CHANNELS) {
      const port = conn[`${ch}_port`];
      const unixPath = `${kernelConn.ip}-${port}`;
      const onBytes =
        ch === 'iopub'
          ? (d) => {
              outputBytes += d.length;
              if (outputBytes > policy.outputLimitBytes && !limited) {
                limited = true;
                trace({ event: 'limit', what: 'output', bytes: outputBytes, limit: policy.outputLimitBytes });
                process.stderr.write(`dgmlab sandbox: the kernel's output passed ${policy.outputLimitBytes} bytes; stopping it\n`);
                kill();
              }
            }
          : null;
      const server = net.createServer((c) => relay(c, unixPath, onBytes));
      server.on('error', (e) => process.stderr.write(`dgmlab sandbox: cannot listen on ${conn.ip}:${port}: ${e.message}\n`));
      server.listen(port, conn.ip);
      servers.push(server);
    }
  }

  prefixLines(child.stdout, process.stderr, 'sandbox: ');
  prefixLines(child.stderr, process.stderr, 'sandbox: ');
  let traceBuf = '';
  const traceIn = child.stdio[3];
  traceIn.setEncoding('utf8');
  traceIn.on('data', (d) => {
    traceBuf += d;
    const lines = traceBuf.split('\n');
    traceBuf = lines.pop();
    for (const l of lines) {
      try {
        const rec = JSON.parse(l);
        if (rec && typeof rec === 'object' && !Array.isArray(rec)) trace({ ...rec, event: rec.event === 'lookup' ? 'lookup' : 'other' });
      } catch {
        trace({ event: 'garbled' });
      }
    }
  });
  traceIn.on('end', () => {
    // The kernel holds fd 3 until it exits: closed while it still runs means the submission closed it.
    setTimeout(() => !exited && trace({ event: 'trace-closed' }), 300);
  });

  const cleanup = () => {
    for (const s of servers) s.close();
    if (!own) fs.rmSync(ipcDir, { recursive: true, force: true });
  };
  child.on('exit', (code, signal) => {
    exited = true;
    cleanup();
    process.exit(signal ? 128 + (os.constants.signals[signal] || 9) : code ?? 1);
  });
  child.on('error', (e) => {
    process.stderr.write(`dgmlab sandbox: could not start the kernel: ${e.message}\n`);
    cleanup();
    process.exit(1);
  });
  // interrupt_mode "signal" clients: pass SIGINT on; stop with the kernel on SIGTERM / SIGHUP.
  process.on('SIGINT', () => child.kill('SIGINT'));
  for (const s of ['SIGTERM', 'SIGHUP']) process.on(s, kill);
  // The launcher's parent (jupyter_client) gone: stop the kernel (bwrap --die-with-parent does the rest).
  const { watchParent } = require('./parent');
  watchParent(kill);
}

if (require.main === module) main(process.argv.slice(2));

module.exports = { detect, bestMode, libraryPaths, permissionFlags, bwrapArgs, kernelCommand, main };
