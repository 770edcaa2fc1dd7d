import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';

/**
 * [CLASSROOM] The container image definition (Dockerfile) for Zero to JupyterHub / BinderHub. No container runtime can
 * pull a base image on this machine kind (only the npm registry and Debian's archive are reachable), so the image is
 * not built here; what CI can check, it checks: the image installs with the very script CI runs (.ci/install, so every
 * green CI run exercises the image's install step), on a base whose Node.js meets package.json's engines, registers
 * the kernel for every user, runs as uid 1000 and starts jupyterhub-singleuser.
 */
const ROOT = path.resolve(__dirname, '../..');

describe('classroom: the container image definition', () => {
  const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
  const run = fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8');
  const install = fs.readFileSync(path.join(ROOT, '.ci', 'install'), 'utf8');

  it('CI and the image share one install script', () => {
    assert.match(run, /^bash \.ci\/install$/m, '.ci/run installs through .ci/install');
    assert.match(dockerfile, /^RUN bash \.ci\/install && npm run kernel:setup -- --system --no-install/m);
    assert.match(install, /jupyterhub/, 'the install brings jupyterhub-singleuser');
    assert.equal(spawnSync('bash', ['-n', path.join(ROOT, '.ci', 'install')]).status, 0, '.ci/install parses');
  });

  it("the base image's Node.js meets package.json's engines (Debian trixie ships 20.19)", () => {
    assert.match(dockerfile, /^FROM debian:trixie$/m);
    const engines = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).engines.node as string;
    assert.equal(engines, '>=20.19.0', 'if engines change, check the base image');
    assert.match(install, /DGMLAB_INSTALL_NODE.*nodejs npm/s, 'the image installs Debian nodejs + npm');
  });

  it('z2jh conventions: unprivileged uid 1000, jupyterhub-singleuser, student versions as the course', () => {
    assert.match(dockerfile, /useradd -m -u 1000/);
    assert.match(dockerfile, /^USER jovyan$/m);
    assert.match(dockerfile, /^CMD \["jupyterhub-singleuser"/m);
    assert.match(dockerfile, /dgmlab\.js student --out \/home\/jovyan\/course/);
  });
});
