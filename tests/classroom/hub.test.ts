import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * [CLASSROOM] JupyterHub on one server, for real: `npm run classroom` with N = 3 students (scripts/classroom.js).
 * Expected from the issue: every student's notebook runs through the Hub's REST and kernel WebSocket APIs, the class
 * is graded with the roster, an honest submission scores full marks and the last student's copy of the first
 * student's answers scores 0 on every exercise whose parameters differ (here: fewer than full marks), and the run
 * reports time to first result, latency p50/p95 and memory. Needs Debian's jupyterhub (.ci/run installs it).
 */
describe('classroom: JupyterHub with three students (scripts/classroom.js)', function () {
  this.timeout(20 * 60 * 1000);
  it('runs, measures and grades the class; the copied submission loses the varied exercises', () => {
    const hub = spawnSync('jupyterhub', ['--version'], { encoding: 'utf8' });
    assert.equal(hub.status, 0, 'JupyterHub is not installed: apt-get install jupyterhub (.ci/run does)');
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dgmlab-classroom-test-')), 'report.json');
    const r = spawnSync(process.execPath, [path.join(__dirname, '../../scripts/classroom.js'), '--students', '3', '--seed', 'test-seed', '--json', out], {
      encoding: 'utf8',
      timeout: 19 * 60 * 1000,
    });
    assert.equal(r.status, 0, `classroom.js failed:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    assert.equal(report.students, 3);
    assert.deepEqual(report.errors, []);
    assert.equal(report.firstResultSeconds.length, 3);
    for (const t of report.firstResultSeconds) assert.ok(typeof t === 'number' && t > 0, 'time to first result measured');
    assert.ok(report.latencyP50 > 0 && report.latencyP95 >= report.latencyP50, 'latency quantiles');
    assert.equal(report.kernelPeakMB.length, 3, 'one kernel per student was sampled');
    assert.ok(report.totalPeakMB >= Math.max(...report.kernelPeakMB));
    const [s1, s2, s3] = report.grades;
    assert.ok(s1.max >= 5 && s1.score === s1.max, `honest student 1: ${s1.score}/${s1.max}`);
    assert.ok(s2.score === s2.max, `honest student 2: ${s2.score}/${s2.max}`);
    assert.ok(s3.score < s3.max, `the copied answers must lose the varied exercises: ${s3.score}/${s3.max}`);
    // processes: nothing of the class is left running
    const left = spawnSync('pgrep', ['-f', 'dgmlab-classroom-'], { encoding: 'utf8' }).stdout.trim();
    assert.equal(left, '', `left running: ${left}`);
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });
});
