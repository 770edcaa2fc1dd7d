"""Execute one notebook through the real Jupyter client (nbclient) on the dgmlab kernel and report as JSON.

Usage:
  python3 nbexec.py NOTEBOOK [--out EXECUTED.ipynb] [--preset fast|full] [--cell-timeout S]
                    [--kernel dgmlab] [--allow-stderr] [--expect-checks pass|any]
                    [--allow-errors] [--stream-checks]

The kernel starts in the notebook's folder (so `import ... from 'dgmlab'` resolves through node_modules), with
DGMLAB_PRESET set. The last line printed is one JSON object:
  {"notebook", "ok", "seconds", "cells", "failures": [{"cell", "kind", "source", "message"}],
   "cell_seconds": [...], "checks": [...], "figures": N, "timing": {...}}
"cell_seconds": [index, s] per code cell, the kernel's own time in it (execute_input → execute_reply timestamps).
"timing" (issue #16 [PERF-2], this process's clock, seconds): "spawned_at" (epoch time just before the kernel process
is spawned), "ready" (spawn → kernel_info reply), "first_result" (spawn → the first code cell's reply with all its
outputs received: start-up to first result, what a person opening the notebook waits for), "kernel_seconds" (spawn →
the kernel shut down), "outside_cells" (kernel_seconds minus the kernel's time in cells: start-up, the compiler's
warm-up before the second cell, the client's round trips and the shutdown), "shutdown" (last cell's reply → the
kernel shut down). A value the run did not reach is null.
Failure kinds: "error" (the cell raised), "timeout" (the cell ran past --cell-timeout; the kernel is shut down),
"stderr" (the cell wrote to stderr: notebooks must run clean), "figure" (a cell tagged `figure`
produced no display), "check" (an exercise check output with passed=false while --expect-checks pass),
"kernel" (the kernel died or could not start). The notebook file itself is never modified.

Options for the grader: --allow-errors keeps executing after a cell that raised (each such cell is reported as an
"error" failure); --stream-checks prints each exercise-check output to stderr as soon as its cell has run
(`nbexec: check {json}`), so a caller that has to kill the run (total timeout) still has the checks made before.
"""
import argparse
import json
import os
import signal
import sys
import threading
import time

CHECK_MIME = "application/vnd.dgmlab.check+json"
FIGURE_MIMES = ("application/vnd.plotly.v1+json", "text/html", "image/png", "image/svg+xml")


def check_outputs(cell, index):
    """The exercise-check records (CHECK_MIME outputs) of a cell, parsed, each with the cell index."""
    for o in cell.get("outputs", []):
        data = o.get("data", {}) if o.get("output_type") in ("display_data", "execute_result") else {}
        if CHECK_MIME in data:
            chk = data[CHECK_MIME]
            if isinstance(chk, str):
                try:
                    chk = json.loads(chk)
                except ValueError:
                    chk = {"raw": chk}
            yield dict(chk, cell=index)


def cell_text(outputs, name):
    return "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream" and o.get("name") == name)


def timing_report(clock, cell_seconds):
    """Start-up to first result and the time outside cells (see the module's docstring), rounded to ms."""
    spawn = clock["spawn"]
    since = lambda t: None if spawn is None or t is None else round(t - spawn, 3)
    kernel = since(clock["shut_down"])
    in_cells = sum(s for _, s in cell_seconds)
    return {
        "spawned_at": spawn,
        "ready": since(clock["ready"]),
        "first_result": since(clock["first_result"]),
        "kernel_seconds": kernel,
        "in_cells": round(in_cells, 3),
        "outside_cells": None if kernel is None else round(kernel - in_cells, 3),
        "shutdown": None if clock["last_result"] is None else round(clock["shut_down"] - clock["last_result"], 3),
    }


KERNEL = {"pid": None}


def kill_kernel_group(client=None):
    """SIGKILL the kernel's process group (jupyter_client starts the kernel in its own session, so the group id is its
    pid: the launcher, the sandbox, the kernel and anything they spawned in that group)."""
    pid = KERNEL["pid"]
    if pid is None and client is not None:
        try:
            pid = client.km.provisioner.pid
        except Exception:
            pid = None
    if pid:
        try:
            os.killpg(pid, signal.SIGKILL)
        except Exception:
            pass


def guard_kernel(client):
    """Issue #24: the kernel never outlives this process. On SIGTERM / SIGHUP / SIGINT the kernel's process group is
    killed before exiting; a thread watches the parent (the notebook runner) and does the same when it goes away."""
    def on_signal(signum, frame):
        kill_kernel_group(client)
        os._exit(128 + signum)

    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(sig, on_signal)
    parent = os.getppid()

    def watch():
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                kill_kernel_group(client)
                os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("notebook")
    ap.add_argument("--out")
    ap.add_argument("--preset", default="fast", choices=["fast", "full"])
    ap.add_argument("--cell-timeout", type=int, default=300)
    ap.add_argument("--startup-timeout", type=int, default=120)
    ap.add_argument("--kernel", default="dgmlab")
    ap.add_argument("--allow-stderr", action="store_true")
    ap.add_argument("--expect-checks", default="pass", choices=["pass", "any"])
    ap.add_argument("--allow-errors", action="store_true")
    ap.add_argument("--stream-checks", action="store_true")
    args = ap.parse_args()

    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    path = os.path.abspath(args.notebook)
    os.environ["DGMLAB_PRESET"] = args.preset
    nb = nbformat.read(path, as_version=4)
    result = {"notebook": args.notebook, "ok": False, "seconds": 0.0, "cells": len(nb.cells), "failures": [],
              "cell_seconds": [], "checks": [], "figures": 0}
    t0 = time.time()
    client = NotebookClient(nb, timeout=args.cell_timeout, startup_timeout=args.startup_timeout,
                            kernel_name=args.kernel, allow_errors=args.allow_errors, interrupt_on_timeout=False,
                            record_timing=True, resources={"metadata": {"path": os.path.dirname(path)}})
    current = {"index": None}
    clock = {"spawn": None, "ready": None, "first_result": None, "last_result": None, "shut_down": None}
    start_new_kernel = client.async_start_new_kernel

    async def timed_start_new_kernel(**kwargs):
        clock["spawn"] = time.time()  # jupyter_client spawns the kernel process in this call
        return await start_new_kernel(**kwargs)

    client.async_start_new_kernel = timed_start_new_kernel

    def on_cell_start(cell, cell_index):
        current["index"] = cell_index
        # Progress for the caller: if the whole run is killed (total timeout), the last line names the cell.
        print(f"nbexec: cell {cell_index}", file=sys.stderr, flush=True)

    def on_notebook_start(notebook):
        clock["ready"] = time.time()  # after the kernel_info reply (nbclient's wait_for_ready)
        # The kernel runs in its own session (jupyter_client starts it with start_new_session): tell the caller
        # its pid, so a total-timeout kill can end the kernel as well as this process.
        try:
            KERNEL["pid"] = client.km.provisioner.pid
            print(f"nbexec: kernel pid {KERNEL['pid']}", file=sys.stderr, flush=True)
        except Exception:
            pass

    def on_notebook_complete(notebook):
        clock["shut_down"] = time.time()  # nbclient has shut the kernel down (it owns the kernel manager)

    guard_kernel(client)
    client.on_cell_start = on_cell_start
    client.on_notebook_start = on_notebook_start
    client.on_notebook_complete = on_notebook_complete
    errored = {}

    def on_cell_error(cell, cell_index, execute_reply):
        content = (execute_reply or {}).get("content", {})
        errored[cell_index] = f"{content.get('ename', '')}: {content.get('evalue', '')}".strip(": ")

    def on_cell_executed(cell, cell_index, execute_reply):
        # nbclient calls this once the cell's reply and all its outputs have arrived
        clock["last_result"] = time.time()
        if clock["first_result"] is None:
            clock["first_result"] = clock["last_result"]
        if args.stream_checks:
            for chk in check_outputs(cell, cell_index):
                print("nbexec: check " + json.dumps(chk), file=sys.stderr, flush=True)

    if args.allow_errors:
        client.on_cell_error = on_cell_error
    client.on_cell_executed = on_cell_executed
    stopped = None
    try:
        client.execute()
    except CellTimeoutError as e:
        stopped = ("timeout", f"the cell ran longer than {args.cell_timeout:g} s and was stopped")
    except CellExecutionError as e:
        stopped = ("error", None)
    except DeadKernelError as e:
        stopped = ("kernel", f"the kernel died: {e}")
    except Exception as e:  # kernel could not start, protocol errors, …
        stopped = ("kernel", f"{type(e).__name__}: {e}")
    finally:
        try:
            if client.km is not None:
                client.km.shutdown_kernel(now=True)
        except Exception:
            pass
        kill_kernel_group(client)  # whatever the kernel left behind in its group
    result["seconds"] = round(time.time() - t0, 2)
    if clock["shut_down"] is None:
        clock["shut_down"] = time.time()

    failures = result["failures"]
    if stopped:
        idx = current["index"]
        cell = nb.cells[idx] if idx is not None and idx < len(nb.cells) else None
        message = stopped[1]
        if message is None and cell is not None:
            errs = [f"{o.get('ename', '')}: {o.get('evalue', '')}".strip(": ") + "\n" + "\n".join(o.get("traceback", []))
                    for o in cell.get("outputs", []) if o.get("output_type") == "error"]
            message = (cell_text(cell.get("outputs", []), "stderr") + "\n".join(errs)).strip() or "the cell raised an error"
        failures.append({"cell": idx, "kind": stopped[0], "source": cell.source if cell is not None else None,
                         "message": message})

    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        outputs = cell.get("outputs", [])
        timing = cell.get("metadata", {}).get("execution", {})
        try:
            from datetime import datetime
            start = timing.get("iopub.execute_input") or timing.get("shell.execute_reply.started")
            end = timing.get("shell.execute_reply")
            if start and end:
                dt = (datetime.fromisoformat(end.replace("Z", "+00:00")) - datetime.fromisoformat(start.replace("Z", "+00:00"))).total_seconds()
                result["cell_seconds"].append([i, round(dt, 3)])
        except Exception:
            pass
        if i in errored and not any(f["cell"] == i for f in failures):
            msg = (cell_text(outputs, "stderr").strip() or errored[i] or "the cell raised an error")[:4000]
            failures.append({"cell": i, "kind": "error", "source": cell.source, "message": msg})
        already = any(f["cell"] == i for f in failures)
        err = cell_text(outputs, "stderr").strip()
        if err and not args.allow_stderr and not already:
            failures.append({"cell": i, "kind": "stderr", "source": cell.source, "message": err[:4000]})
        displays = [o for o in outputs if o.get("output_type") in ("display_data", "execute_result")
                    and any(m in o.get("data", {}) for m in FIGURE_MIMES)]
        result["figures"] += len(displays)
        tags = cell.get("metadata", {}).get("tags", [])
        ran = cell.get("execution_count") is not None
        if "figure" in tags and ran and not displays and not already:
            failures.append({"cell": i, "kind": "figure", "source": cell.source,
                             "message": "the cell is tagged 'figure' but produced no figure output"})
        for chk in check_outputs(cell, i):
            result["checks"].append(chk)
            if args.expect_checks == "pass" and not chk.get("passed"):
                failures.append({"cell": i, "kind": "check", "source": cell.source,
                                 "message": f"exercise check {chk.get('id')} did not pass: {chk.get('feedback', '')}"})

    result["timing"] = timing_report(clock, result["cell_seconds"])
    result["ok"] = not failures
    if args.out:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        nbformat.write(nb, args.out)
    # The kernel inherited this process's stdout: Node may have left the pipe non-blocking, which would cut a long
    # report at the pipe's capacity.
    os.set_blocking(sys.stdout.fileno(), True)
    print(json.dumps(result))
    sys.exit(0 if result["ok"] else 1)


if __name__ == "__main__":
    main()
