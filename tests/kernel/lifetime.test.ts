/**
 * A kernel never outlives what started it (issue #24 point 4): the kernel exits when its parent goes away
 * (parent-pid watch), nbexec kills the kernel's process group when it is stopped or orphaned, and the notebook
 * runner (kernel-setup/run-notebooks.js, used by `dgmlab grade`) kills the process groups of its runs on exit and on
 * signals. Each test kills the launcher and then looks, through /proc, for any process that still carries the run's
 * marker in its environment (the kernel and whatever it spawned inherit it). Expected value: none, within seconds.
 */
import { strict as assert } from 'assert';
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { jupyterEnv, PYTHON, ROOT } from './helpers';

/** Pids of live (not zombie) processes whose environment contains `marker`. */
export function processesMarked(marker: string): number[] {
  const out: number[] = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d) || Number(d) === process.pid) continue;
    try {
      if (!fs.readFileSync(`/proc/${d}/environ`).includes(marker)) continue;
      if (/^State:\s+Z/m.test(fs.readFileSync(`/proc/${d}/status`, 'utf8'))) continue;
      out.push(Number(d));
    } catch {
      /* gone, or not ours to read */
    }
  }
  return out;
}

/** Wait until `cond()` holds, polling; false on timeout. */
export async function until(cond: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return cond();
}

const cmdline = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
};
const kernelsMarked = (marker: string) => processesMarked(marker).filter((p) => cmdline(p).includes(path.join('kernel-setup', 'kernel')));

describe('kernel lifetime: nothing outlives the launcher (issue #24 point 4)', function () {
  this.timeout(120000);
  const children: ChildProcess[] = [];
  const markers: string[] = [];
  const mark = () => {
    const m = `DGMLAB_TEST_MARK=lifetime-${process.pid}-${markers.length}-${Date.now()}`;
    markers.push(m);
    return m;
  };
  after(() => {
    for (const c of children) c.kill('SIGKILL');
    for (const m of markers) for (const pid of processesMarked(m)) process.kill(pid, 'SIGKILL');
  });

  it('the kernel exits when the jupyter_client process that started it is killed (SIGKILL: no shutdown message)', async () => {
    const marker = mark();
    const script = [
      'import sys, time',
      'from jupyter_client.manager import KernelManager',
      "km = KernelManager(kernel_name='dgmlab')",
      `km.start_kernel(cwd=${JSON.stringify(ROOT)})`,
      'kc = km.client(); kc.start_channels(); kc.wait_for_ready(timeout=60)',
      "print('ready', km.provisioner.pid, flush=True)",
      'time.sleep(600)',
    ].join('\n');
    const [k, v] = marker.split('=');
    const py = spawn(PYTHON, ['-c', script], { env: jupyterEnv({ [k]: v }), stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(py);
    let out = '';
    py.stdout!.on('data', (d) => (out += d));
    let err = '';
    py.stderr!.on('data', (d) => (err += d));
    assert.ok(await until(() => /ready \d+/.test(out), 90000), 'the kernel did not start');
    const kernelPid = Number(/ready (\d+)/.exec(out)![1]);
    assert.ok(processesMarked(marker).includes(kernelPid));
    py.kill('SIGKILL');
    assert.ok(await until(() => processesMarked(marker).length === 0, 20000), `still alive: ${processesMarked(marker).map(cmdline).join(' | ')}\n${err}`);
  });

  for (const signal of ['SIGTERM', 'SIGINT', 'SIGKILL'] as const) {
    it(`the notebook runner stopped by ${signal} in the middle of a cell leaves no kernel (nor nbexec) behind`, async () => {
      const marker = mark();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dgmlab-lifetime-'));
      const nb = path.join(dir, 'wait.ipynb');
      const cell = (src: string) => ({ cell_type: 'code', metadata: {}, source: src, outputs: [], execution_count: null });
      fs.writeFileSync(nb, JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [cell('1'), cell('await new Promise((r) => setTimeout(r, 600000));')] }));
      const [k, v] = marker.split('=');
      const runner = spawn(process.execPath, ['-e', `require(${JSON.stringify(path.join(ROOT, 'kernel-setup', 'run-notebooks.js'))}).runNotebook(${JSON.stringify(nb)}, { totalTimeout: 600, cellTimeout: 600, env: { ${k}: ${JSON.stringify(v)} } })`], { stdio: 'ignore' });
      children.push(runner);
      try {
        assert.ok(await until(() => kernelsMarked(marker).length > 0, 90000), 'the kernel did not start');
        await new Promise((r) => setTimeout(r, 3000)); // the kernel is running the waiting cell
        assert.ok(processesMarked(marker).length >= 2, 'nbexec and the kernel run');
        runner.kill(signal);
        assert.ok(await until(() => processesMarked(marker).length === 0, 15000), `still alive: ${processesMarked(marker).map(cmdline).join(' | ')}`);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
