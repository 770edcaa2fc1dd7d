"""Cold starts of the dgmlab kernel, timed from the client's side (issue #16 [PERF-2], bench row "kernel start").

Usage: /usr/bin/python3 kernel_start.py PLAN.json
PLAN: {"kernel": "dgmlab", "cwd": DIR, "starts": N, "scenarios": {"name": [cell source, ...], ...}, "timeout": s}
For each of N rounds and each scenario (order rotated per round), a fresh kernel is started with jupyter_client's
KernelManager (DGMLAB_KERNEL_PROFILE=1), its cells are executed one after the other, and the kernel is shut down.
Times are seconds from km.start_kernel() (the process is spawned there) to: the kernel_info reply ("ready"), and the
execute_reply of each cell (the cell's whole output has been published by then). The kernel's own profile lines
(kernel-setup/kernel/profile.js, milliseconds since ITS process started) are returned as well.
Prints one JSON line: {"runs": [{"scenario", "round", "ready", "cells": [s...], "errors": [...], "profile": [[ms, event]...]}]}
"""
import json
import os
import re
import sys
import tempfile
import time

from jupyter_client.manager import KernelManager

PROFILE = re.compile(r"^dgmlab kernel profile: ([0-9.]+) ms (.*)$")


def one_start(kernel, cwd, cells, timeout):
    env = dict(os.environ, DGMLAB_KERNEL_PROFILE="1")
    with tempfile.TemporaryFile(mode="w+") as err:
        km = KernelManager(kernel_name=kernel)
        t0 = time.time()
        km.start_kernel(cwd=cwd, env=env, stderr=err)
        kc = km.client()
        kc.start_channels()
        rec = {"cells": [], "errors": []}
        try:
            kc.wait_for_ready(timeout=timeout)
            rec["ready"] = round(time.time() - t0, 3)
            for code in cells:
                msg_id = kc.execute(code)
                deadline = time.time() + timeout
                while True:
                    msg = kc.get_shell_msg(timeout=max(0.05, deadline - time.time()))
                    if msg["parent_header"].get("msg_id") == msg_id:
                        break
                rec["cells"].append(round(time.time() - t0, 3))
                if msg["content"].get("status") != "ok":
                    rec["errors"].append(f"{msg['content'].get('ename')}: {msg['content'].get('evalue')}")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
        err.seek(0)
        rec["profile"] = [[float(m.group(1)), m.group(2)] for m in map(PROFILE.match, err.read().splitlines()) if m]
        return rec


def main():
    with open(sys.argv[1]) as f:
        plan = json.load(f)
    names = list(plan["scenarios"])
    runs = []
    for r in range(plan.get("starts", 5)):
        for k in range(len(names)):
            name = names[(k + r) % len(names)]
            rec = one_start(plan.get("kernel", "dgmlab"), plan.get("cwd", "."), plan["scenarios"][name], plan.get("timeout", 120))
            runs.append(dict(rec, scenario=name, round=r))
    print(json.dumps({"runs": runs}))


if __name__ == "__main__":
    main()
