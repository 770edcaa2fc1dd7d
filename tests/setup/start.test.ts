/**
 * `npm start` (scripts/start.js): Jupyter Notebook on notebooks/, bound to 127.0.0.1 only, always with a token,
 * printing the URL with its token; Ctrl-C (SIGINT) stops it cleanly; unknown options are refused.
 */
import { strict as assert } from 'assert';
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const START = path.join(ROOT, 'scripts', 'start.js');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function status(url: string): Promise<number> {
  return new Promise((resolve) => {
    http.get(url, { timeout: 5000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', () => resolve(-1));
  });
}

/** A non-loopback IPv4 address of this machine, if it has one. */
function externalAddress(): string | undefined {
  for (const list of Object.values(os.networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return undefined;
}

describe('npm start', function () {
  this.timeout(120000);
  let child: ChildProcess | undefined;
  afterEach(() => child?.kill('SIGKILL'));

  it('serves the course on 127.0.0.1 only, with a token, prints the URL, and stops cleanly on Ctrl-C', async () => {
    const port = await freePort();
    child = spawn(process.execPath, [START, '--no-browser', '--port', String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const deadline = Date.now() + 90000;
    while (!/token=[0-9a-f]{32,}/.test(out) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 250));
    const m = out.match(new RegExp(`http://127\\.0\\.0\\.1:${port}/notebooks/index\\.ipynb\\?token=([0-9a-f]+)`));
    assert.ok(m, `no URL with a token in the output:\n${out}`);
    const token = m[1];
    assert.equal(await status(`http://127.0.0.1:${port}/api/status`), 403, 'without the token the server must refuse');
    assert.equal(await status(`http://127.0.0.1:${port}/api/status?token=${token}`), 200);
    assert.equal(await status(`http://127.0.0.1:${port}/notebooks/index.ipynb?token=${token}`), 200, 'index.ipynb opens');
    const ext = externalAddress();
    if (ext) assert.equal(await status(`http://${ext}:${port}/api/status?token=${token}`), -1, `the server must not listen on ${ext}`);
    const ss = spawnSync('ss', ['-ltn'], { encoding: 'utf8' });
    if (ss.status === 0) {
      const lines = ss.stdout.split('\n').filter((l) => l.includes(`:${port} `));
      assert.ok(lines.length > 0 && lines.every((l) => l.includes(`127.0.0.1:${port}`)), `listening sockets: ${lines.join(' / ')}`);
    }
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('hung'), 20000))]);
    assert.equal(code, 0, 'Ctrl-C must stop the server and exit 0');
    assert.equal(await status(`http://127.0.0.1:${port}/api/status?token=${token}`), -1, 'the port must be closed afterwards');
  });

  it('refuses options that could open the server up', () => {
    for (const bad of [['--ip', '0.0.0.0'], ['--NotebookApp.token='], ['--port', '99999']]) {
      const r = spawnSync(process.execPath, [START, ...bad], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(r.status, 64, `${bad.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /npm start: /);
    }
  });
});
