"""JupyterHub classroom driver for scripts/classroom.js ([CLASSROOM]).

Starts JupyterHub 3 on 127.0.0.1 (dummy authenticator, simple local-process spawner: every student's server runs as
this user, in the student's own folder), creates the students through the Hub's REST API with a service token,
starts their servers, then runs each student's notebook concurrently through the single-user servers' REST API
(sessions, contents) and kernel WebSocket channels, exactly as a browser would. Saves each executed notebook back
(with outputs) through the contents API, samples the memory of every kernel process, stops everything it started,
and prints one JSON report on stdout.

Usage: python3 classroom_hub.py CONFIG.json      (written by scripts/classroom.js; see there)
Bounded: every wait has a deadline; only loopback addresses are used.
"""
import asyncio
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import uuid

from tornado.httpclient import AsyncHTTPClient, HTTPRequest

# One client for the whole class: without this, tornado queues all but 10 concurrent requests (a class of 20 waits).
AsyncHTTPClient.configure(None, max_clients=1000)
from tornado.websocket import websocket_connect


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def write_hub_config(cfg, port, hub_port, api_port, token):
    d = cfg["dir"]
    users = [s["id"] for s in cfg["students"]]
    text = f"""
c = get_config()  # noqa
c.JupyterHub.ip = '127.0.0.1'
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = '127.0.0.1'
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:{api_port}'
c.ConfigurableHTTPProxy.pid_file = {json.dumps(os.path.join(d, 'proxy.pid'))}
c.JupyterHub.db_url = 'sqlite:///' + {json.dumps(os.path.join(d, 'jupyterhub.sqlite'))}
c.JupyterHub.cookie_secret_file = {json.dumps(os.path.join(d, 'cookie_secret'))}
c.JupyterHub.pid_file = {json.dumps(os.path.join(d, 'hub.pid'))}
c.JupyterHub.authenticator_class = 'jupyterhub.auth.DummyAuthenticator'
c.JupyterHub.spawner_class = 'jupyterhub.spawner.SimpleLocalProcessSpawner'
c.SimpleLocalProcessSpawner.home_dir_template = {json.dumps(os.path.join(d, 'home', '{username}'))}
c.Spawner.default_url = '/tree'
c.Spawner.cmd = ['jupyterhub-singleuser']
c.Spawner.args = {json.dumps(['--allow-root'] if os.getuid() == 0 else [])}  # CI runs as root; the simple spawner runs servers as this user
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.environment = {json.dumps(cfg['env'])}
c.Authenticator.allowed_users = set({json.dumps(users)})
c.JupyterHub.services = [{{'name': 'classroom', 'api_token': {json.dumps(token)}}}]
c.JupyterHub.load_roles = [{{'name': 'classroom', 'services': ['classroom'],
    'scopes': ['admin:users', 'admin:servers', 'access:servers', 'read:users', 'servers']}}]
c.JupyterHub.cleanup_servers = True
c.JupyterHub.log_level = 'WARN'
"""
    path = os.path.join(d, "jupyterhub_config.py")
    with open(path, "w") as f:
        f.write(text)
    return path


class Hub:
    def __init__(self, base, token):
        self.base = base
        self.token = token
        self.http = AsyncHTTPClient()

    async def api(self, method, path, body=None, ok=(200, 201, 202, 204), timeout=300):
        # generous: when a whole class starts at once on a small machine, one server start can take minutes
        req = HTTPRequest(
            self.base + path,
            method=method,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
            body=None if body is None else json.dumps(body),
            allow_nonstandard_methods=True,
            request_timeout=timeout,
        )
        r = await self.http.fetch(req, raise_error=False)
        if r.code not in ok:
            raise RuntimeError(f"{method} {path}: HTTP {r.code} {r.body[:300] if r.body else ''}")
        return json.loads(r.body) if r.body else None


def kernel_processes():
    """pid -> RSS (bytes) of every dgmlab kernel process on this machine (system-kernel.js launcher)."""
    out = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmd = f.read()
            if b"system-kernel.js" not in cmd:
                continue
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        out[int(pid)] = int(line.split()[1]) * 1024
        except OSError:
            continue
    return out


async def sample_memory(stop, peaks, totals):
    while not stop.is_set():
        procs = kernel_processes()
        for pid, rss in procs.items():
            peaks[pid] = max(peaks.get(pid, 0), rss)
        totals.append(sum(procs.values()))
        try:
            await asyncio.wait_for(stop.wait(), 0.25)
        except asyncio.TimeoutError:
            pass


async def run_student(hub, student, cfg, deadline):
    """Start the student's server, run the notebook cell by cell over the kernel channels, save it with outputs."""
    name = student["id"]
    t0 = time.time()
    await hub.api("POST", f"/hub/api/users/{name}/server", ok=(201, 202, 400))
    while True:
        info = await hub.api("GET", f"/hub/api/users/{name}")
        server = info.get("servers", {}).get("", {})
        if server.get("ready"):
            break
        if time.time() > deadline:
            raise RuntimeError(f"{name}: the server did not become ready in time")
        await asyncio.sleep(0.25)
    server_seconds = time.time() - t0
    user = f"/user/{name}"
    nb_path = student["notebook"]
    nb = await hub.api("GET", f"{user}/api/contents/{nb_path}?content=1")
    content = nb["content"]
    session = await hub.api("POST", f"{user}/api/sessions", {"path": nb_path, "type": "notebook", "name": os.path.basename(nb_path), "kernel": {"name": "dgmlab"}})
    kid = session["kernel"]["id"]
    ws_url = hub.base.replace("http://", "ws://") + f"{user}/api/kernels/{kid}/channels"
    ws = await websocket_connect(HTTPRequest(ws_url, headers={"Authorization": f"token {hub.token}"}, request_timeout=300))
    latencies = []
    first_result = None
    errors = []
    kernel_start = time.time()
    try:
        for cell in content["cells"]:
            if cell["cell_type"] != "code":
                continue
            src = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            msg_id = uuid.uuid4().hex
            msg = {
                "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": name, "session": uuid.uuid4().hex, "version": "5.3", "date": ""},
                "parent_header": {}, "metadata": {}, "channel": "shell",
                "content": {"code": src, "silent": False, "store_history": True, "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
            }
            sent = time.time()
            await ws.write_message(json.dumps(msg))
            outputs = []
            reply = None
            while reply is None:
                left = deadline - time.time()
                if left <= 0:
                    raise RuntimeError(f"{name}: the notebook did not finish in time")
                raw = await asyncio.wait_for(ws.read_message(), left)
                if raw is None:
                    raise RuntimeError(f"{name}: the kernel channel closed")
                m = json.loads(raw)
                if m.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                t = m["msg_type"]
                if t in ("stream", "display_data", "execute_result", "error"):
                    if first_result is None:
                        first_result = time.time() - kernel_start
                    out = {"output_type": t, **{k: v for k, v in m["content"].items() if k != "transient"}}
                    if t == "execute_result":
                        out.setdefault("metadata", {})
                    if t == "display_data":
                        out.setdefault("metadata", {})
                    outputs.append(out)
                    if t == "error":
                        errors.append(f"{m['content'].get('ename')}: {m['content'].get('evalue')}")
                elif t == "execute_reply":
                    reply = m["content"]
            latencies.append(time.time() - sent)
            cell["outputs"] = outputs
            cell["execution_count"] = reply.get("execution_count")
            if reply.get("status") != "ok":
                break
    finally:
        ws.close()
    await hub.api("PUT", f"{user}/api/contents/{nb_path}", {"type": "notebook", "format": "json", "content": content})
    await hub.api("DELETE", f"{user}/api/sessions/{session['id']}", ok=(204, 404))
    await hub.api("DELETE", f"/hub/api/users/{name}/server", ok=(202, 204, 400))
    return {"student": name, "serverSeconds": round(server_seconds, 2), "firstResultSeconds": None if first_result is None else round(first_result, 2),
            "cells": len(latencies), "latencies": latencies, "errors": errors, "seconds": round(time.time() - t0, 2)}


async def main_async(cfg):
    port, hub_port, api_port = free_port(), free_port(), free_port()
    token = secrets.token_hex(32)
    conf = write_hub_config(cfg, port, hub_port, api_port, token)
    env = {**os.environ, "CONFIGPROXY_AUTH_TOKEN": secrets.token_hex(32)}
    # Debian's configurable-http-proxy finds its modules (commander, http-proxy, …) in /usr/share/nodejs, which only
    # Debian's own nodejs searches by default: say so for any node.
    env["NODE_PATH"] = os.pathsep.join(p for p in [env.get("NODE_PATH"), "/usr/share/nodejs"] if p)
    log = open(os.path.join(cfg["dir"], "jupyterhub.log"), "w")
    hub_proc = subprocess.Popen(["jupyterhub", "-f", conf], cwd=cfg["dir"], stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    report = {"students": [], "hubPort": port}
    deadline = time.time() + cfg.get("timeoutSeconds", 900)
    stop = asyncio.Event()
    peaks, totals = {}, []
    sampler = None
    try:
        hub = Hub(f"http://127.0.0.1:{port}", token)
        while True:
            try:
                await hub.api("GET", "/hub/api/", timeout=5)
                break
            except Exception:
                if hub_proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError("JupyterHub did not start (see jupyterhub.log)")
                await asyncio.sleep(0.3)
        await hub.api("POST", "/hub/api/users", {"usernames": [s["id"] for s in cfg["students"]]}, ok=(201, 409))
        sampler = asyncio.ensure_future(sample_memory(stop, peaks, totals))
        t0 = time.time()
        results = await asyncio.gather(*[run_student(hub, s, cfg, deadline) for s in cfg["students"]], return_exceptions=True)
        report["wallSeconds"] = round(time.time() - t0, 2)
        for s, r in zip(cfg["students"], results):
            report["students"].append(r if not isinstance(r, Exception) else {"student": s["id"], "error": str(r)})
    finally:
        stop.set()
        if sampler:
            await sampler
        try:
            os.killpg(hub_proc.pid, signal.SIGTERM)
            hub_proc.wait(timeout=20)
        except Exception:
            try:
                os.killpg(hub_proc.pid, signal.SIGKILL)
            except Exception:
                pass
        log.close()
        # kernels still running from this class (their connection files live in the class's runtime folder) are stopped;
        # the hub, its proxy and the students' servers went with the hub's process group
        subprocess.run(["pkill", "-f", os.path.join(cfg["dir"], "runtime") + os.sep], check=False)
    report["kernelPeakBytes"] = sorted(peaks.values())
    report["totalPeakBytes"] = max(totals) if totals else 0
    print(json.dumps(report))


def main():
    with open(sys.argv[1]) as f:
        cfg = json.load(f)
    asyncio.run(main_async(cfg))


if __name__ == "__main__":
    main()
