/** Shared by the kernel tests: drive the dgmlab kernel through the Jupyter protocol (tests/kernel/driver.py). */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const py = require(path.join(ROOT, 'kernel-setup', 'python.js')) as {
  jupyterPython(): string;
  jupyterEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;
};
/** Debian's python3-jupyter-kernel-test lives in /usr/bin/python3's dist-packages. */
export const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : py.jupyterPython();
export const jupyterEnv = py.jupyterEnv;

export interface Output {
  msg_type: string;
  content: Record<string, any>;
}
export interface StepRecord {
  op: string;
  reply?: Record<string, any>;
  replies?: Record<string, any>[];
  outputs?: Output[] | any[][];
  alive?: boolean;
  beating?: boolean;
  raised?: string | null;
  seconds?: number;
  startup_seconds?: number;
  error?: string;
  pid?: number;
}
export type Step =
  | { op: 'execute'; code: string; timeout?: number; interrupt_after?: number; silent?: boolean; stop_on_error?: boolean; background?: boolean; wait?: number }
  | { op: 'queue'; codes: string[]; timeout?: number }
  | { op: 'interrupt_request' }
  | { op: 'restart'; now?: boolean; timeout?: number }
  | { op: 'kernel_info' }
  | { op: 'history'; [k: string]: unknown }
  | { op: 'heartbeat'; seconds?: number }
  | { op: 'sleep'; seconds: number }
  | { op: 'nbclient'; cells: string[]; allow_errors?: boolean; timeout?: number }
  | { op: 'is_complete'; code: string }
  | { op: 'raw'; channel?: 'shell' | 'control'; parts: unknown[]; signature?: 'good' | 'forged' | 'empty'; wait?: number }
  | { op: 'kernel_pid' };
export interface Plan {
  cwd?: string;
  kernel?: string;
  interrupt_mode?: 'signal' | 'message';
  /** Run the kernel with DGMLAB_KERNEL_PROFILE=1 (and `env`) and return its stage marks (runProfiledPlan). */
  profile?: boolean;
  env?: Record<string, string>;
  steps: Step[];
}

/** Run a Python script with the project's Jupyter environment; resolves with its last stdout line as JSON. */
export function runPython(args: string[], timeoutMs: number): Promise<any> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, args, { cwd: ROOT, env: jupyterEnv() });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').pop() || '';
      try {
        resolve(JSON.parse(last));
      } catch {
        reject(new Error(`${args[0]} exited with ${code} without a JSON result:\n${err.slice(-3000)}\n${out.slice(-1000)}`));
      }
    });
  });
}

/** Start a dgmlab kernel, run the steps through jupyter_client, shut it down; one record per step. */
export async function runPlan(plan: Plan, timeoutMs = 180000): Promise<StepRecord[]> {
  return (await runFullPlan(plan, timeoutMs)).steps;
}

/** runPlan with the kernel's stage marks: [ms since the kernel process started, event]. */
export async function runProfiledPlan(plan: Plan, timeoutMs = 180000): Promise<{ steps: StepRecord[]; profile: [number, string][] }> {
  const r = await runFullPlan({ ...plan, profile: true }, timeoutMs);
  return { steps: r.steps, profile: r.profile || [] };
}

async function runFullPlan(plan: Plan, timeoutMs: number): Promise<{ steps: StepRecord[]; profile?: [number, string][] }> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dgmlab-kernel-')), 'plan.json');
  fs.writeFileSync(file, JSON.stringify({ kernel: 'dgmlab', cwd: ROOT, ...plan }));
  try {
    const r = await runPython([path.join(__dirname, 'driver.py'), file], timeoutMs);
    const failed = r.steps.find((s: StepRecord) => s.op === 'driver-error');
    if (failed) throw new Error(`the kernel driver failed after ${r.steps.length - 1} step(s): ${failed.error}`);
    return r;
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

/** The IOPub outputs of an execute step, by message type. */
export function outputsOf(rec: StepRecord, msgType: string): Output[] {
  return ((rec.outputs || []) as Output[]).filter((o) => o.msg_type === msgType);
}
