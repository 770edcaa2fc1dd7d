"""Drive a Jupyter kernel through the protocol (jupyter_client's KernelManager) for tests/kernel/*.test.ts.

Usage: /usr/bin/python3 driver.py PLAN.json
PLAN: {"kernel": "dgmlab", "cwd": DIR, "interrupt_mode": "signal"|"message" (default: the kernelspec's),
       "steps": [STEP, ...]} with steps
  {"op": "execute", "code": str, "timeout": s, "interrupt_after": s?, "silent": bool?, "stop_on_error": bool?}
      → {"reply": content, "outputs": [{"msg_type", "content"}...], "seconds": s}
      (with interrupt_after: the kernel is interrupted with km.interrupt_kernel() that many seconds after the
       request was sent — an interrupt_request on the control channel for interrupt_mode "message", SIGINT for
       "signal")
  {"op": "execute", "code": str, "background": true, "wait": s}  → sent, not waited for (then `wait` seconds pass)
  {"op": "queue", "codes": [str...]}  → several execute requests sent at once; {"replies": [content...]}
  {"op": "interrupt_request"}  → an interrupt_request on the control channel; {"reply": content}
  {"op": "restart", "now": bool}  → km.restart_kernel; {"alive": bool, "seconds": s}
  {"op": "kernel_info"}  → {"reply": content, "seconds": s}
  {"op": "history", ...history_request arguments}  → {"reply": content}
  {"op": "heartbeat", "seconds": s}  → {"beating": bool} after s seconds of heartbeats
  {"op": "sleep", "seconds": s}
  {"op": "nbclient", "cells": [str...], "allow_errors": bool}  → runs a notebook of those cells with nbclient on
      its own kernel; {"raised": exception class name or null, "outputs": [[output...] per cell]}
  {"op": "is_complete", "code": str}  → {"reply": content}
  {"op": "raw", "channel": "shell"|"control", "parts": [header, parent_header, metadata, content], "signature": "good"|
      "forged"|"empty"}  → the four parts, JSON-encoded as given (any JSON value, e.g. a null header), sent as one
      message with a correct (or forged / empty) HMAC signature; not waited for; {"sent": true}
  {"op": "kernel_pid"}  → {"pid": the pid of the process the kernel manager started}
The first step's record also has "startup_seconds" (start of the kernel until its kernel_info reply).
With "profile": true in the plan, the kernel runs with DGMLAB_KERNEL_PROFILE=1 (and the plan's "env" added to its
environment) and its stage marks (kernel-setup/kernel/profile.js) are returned: "profile": [[ms, event]...].
Prints one JSON line: {"steps": [record...]} (and "profile").
"""
import json
import os
import re
import sys
import tempfile
import time

from jupyter_client.manager import KernelManager


def collect(kc, msg_id, timeout):
    """IOPub messages of request msg_id until its 'idle' status (or the timeout)."""
    outputs = []
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=max(0.05, deadline - time.time()))
        except Exception:
            break
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status":
            if msg["content"]["execution_state"] == "idle":
                break
            continue
        outputs.append({"msg_type": msg["msg_type"], "content": msg["content"]})
    return outputs


def shell_reply(kc, msg_id, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        msg = kc.get_shell_msg(timeout=max(0.05, deadline - time.time()))
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg["content"]
    raise TimeoutError(f"no reply to {msg_id} within {timeout} s")


def run_nbclient(step, kernel, cwd):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c) for c in step["cells"]]
    client = NotebookClient(nb, kernel_name=kernel, timeout=step.get("timeout", 60), allow_errors=step.get("allow_errors", False),
                            resources={"metadata": {"path": cwd}})
    raised = None
    try:
        client.execute()
    except Exception as e:  # CellExecutionError is what a failing cell must raise
        raised = type(e).__name__
    return {"raised": raised, "outputs": [c.get("outputs", []) for c in nb.cells]}


def main():
    with open(sys.argv[1]) as f:
        plan = json.load(f)
    kernel, cwd = plan.get("kernel", "dgmlab"), plan.get("cwd", ".")
    records = []
    km = kc = None
    err = tempfile.TemporaryFile(mode="w+") if plan.get("profile") else None
    try:
        t0 = time.time()
        km = KernelManager(kernel_name=kernel)
        if plan.get("interrupt_mode"):
            km.kernel_spec.interrupt_mode = plan["interrupt_mode"]
        if err is not None:
            km.start_kernel(cwd=cwd, env=dict(os.environ, **plan.get("env", {}), DGMLAB_KERNEL_PROFILE="1"), stdout=err, stderr=err)
        else:
            km.start_kernel(cwd=cwd)
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=plan.get("startup_timeout", 60))
        startup = time.time() - t0
        for step in plan["steps"]:
            op = step["op"]
            t = time.time()
            rec = {"op": op}
            if op == "execute":
                msg_id = kc.execute(step["code"], silent=step.get("silent", False), stop_on_error=step.get("stop_on_error", True))
                if step.get("background"):
                    time.sleep(step.get("wait", 1))
                    records.append(rec)
                    continue
                if "interrupt_after" in step:
                    time.sleep(step["interrupt_after"])
                    km.interrupt_kernel()
                rec["reply"] = shell_reply(kc, msg_id, step.get("timeout", 30))
                rec["outputs"] = collect(kc, msg_id, step.get("timeout", 30))
            elif op == "queue":
                ids = [kc.execute(c) for c in step["codes"]]
                rec["replies"] = [shell_reply(kc, i, step.get("timeout", 30)) for i in ids]
            elif op == "interrupt_request":
                msg = kc.session.msg("interrupt_request", {})
                kc.control_channel.send(msg)
                reply = kc.get_control_msg(timeout=step.get("timeout", 10))
                rec["reply"] = reply["content"]
                rec["msg_type"] = reply["msg_type"]
            elif op == "restart":
                km.restart_kernel(now=step.get("now", False))
                kc.wait_for_ready(timeout=step.get("timeout", 60))
                rec["alive"] = km.is_alive()
            elif op == "kernel_info":
                msg_id = kc.kernel_info()
                rec["reply"] = shell_reply(kc, msg_id, step.get("timeout", 30))
            elif op == "history":
                args = {k: v for k, v in step.items() if k not in ("op", "timeout")}
                msg_id = kc.history(**args)
                rec["reply"] = shell_reply(kc, msg_id, step.get("timeout", 30))
            elif op == "heartbeat":
                time.sleep(step.get("seconds", 3))  # a few heartbeat periods (1 s each)
                rec["beating"] = bool(kc.hb_channel.is_beating())
            elif op == "is_complete":
                msg_id = kc.is_complete(step["code"])
                rec["reply"] = shell_reply(kc, msg_id, step.get("timeout", 30))
            elif op == "raw":
                parts = [json.dumps(p).encode() for p in step["parts"]]
                sig = kc.session.sign(parts)
                if step.get("signature") == "forged":
                    sig = b"0" * len(sig)
                elif step.get("signature") == "empty":
                    sig = b""
                channel = kc.shell_channel if step.get("channel", "shell") == "shell" else kc.control_channel
                channel.socket.send_multipart([b"<IDS|MSG>", sig] + parts)
                time.sleep(step.get("wait", 0.3))
                rec["sent"] = True
            elif op == "kernel_pid":
                rec["pid"] = km.provisioner.pid
            elif op == "sleep":
                time.sleep(step["seconds"])
            elif op == "nbclient":
                rec.update(run_nbclient(step, kernel, cwd))
            else:
                raise ValueError(f"unknown op {op!r}")
            rec["seconds"] = round(time.time() - t, 3)
            records.append(rec)
        if records:
            records[0]["startup_seconds"] = round(startup, 3)
    except Exception as e:
        records.append({"op": "driver-error", "error": f"{type(e).__name__}: {e}"})
    finally:
        if kc is not None:
            kc.stop_channels()
        if km is not None:
            try:
                km.shutdown_kernel(now=True)
            except Exception:
                pass
    out = {"steps": records}
    if err is not None:
        err.seek(0)
        marks = map(re.compile(r"^dgmlab kernel profile: ([0-9.]+) ms (.*)$").match, err.read().splitlines())
        out["profile"] = [[float(m.group(1)), m.group(2)] for m in marks if m]
        err.close()
    # The kernel shares (or shared) this process's stdout: Node may have left the pipe non-blocking, and a large
    # result (a notebook's setup cell sends the 4.8 MB plotly bundle) would then be cut at the pipe's capacity.
    os.set_blocking(sys.stdout.fileno(), True)
    print(json.dumps(out, default=str))


if __name__ == "__main__":
    main()
