"""Smoke test of the dgmlab kernel: start it, ask kernel_info, run a cell that imports dgmlab and reports the
tfjs backend, shut it down. Prints one JSON line: {"ok": bool, "language": ..., "output": ..., "error": ..., "seconds": ...}.

Usage: python3 smoke.py [--cwd DIR] [--timeout SECONDS]
The kernelspec is found through JUPYTER_PATH (set by kernel-setup/setup.js).
"""
import argparse
import json
import sys
import time

CODE = (
    "import { core, version } from 'dgmlab';\n"
    "const report = await core.initBackend();\n"
    "console.log(`dgmlab ${version} | ${report.summary}`);\n"
)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cwd", default=".")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--kernel", default="dgmlab")
    args = ap.parse_args()
    t0 = time.time()
    result = {"ok": False, "language": None, "output": "", "error": None}
    km = kc = None
    try:
        from jupyter_client.manager import start_new_kernel

        km, kc = start_new_kernel(kernel_name=args.kernel, cwd=args.cwd, startup_timeout=args.timeout)
        info = kc.kernel_info(reply=True, timeout=args.timeout)
        result["language"] = info["content"].get("language_info", {}).get("name")
        chunks = []

        def hook(msg):
            if msg["msg_type"] == "stream":
                chunks.append(msg["content"]["text"])
            elif msg["msg_type"] == "error":
                chunks.append("ERROR: " + msg["content"].get("evalue", ""))

        reply = kc.execute_interactive(CODE, output_hook=hook, timeout=args.timeout)
        result["output"] = "".join(chunks).strip()
        result["ok"] = reply["content"]["status"] == "ok" and "dgmlab " in result["output"] and "ERROR" not in result["output"]
        if not result["ok"]:
            result["error"] = "the import cell did not report dgmlab: " + result["output"]
    except Exception as e:  # report, never crash: the caller prints the verdict
        result["error"] = f"{type(e).__name__}: {e}"
    finally:
        if kc is not None:
            kc.stop_channels()
        if km is not None:
            try:
                km.shutdown_kernel(now=True)
            except Exception:
                pass
    result["seconds"] = round(time.time() - t0, 2)
    print(json.dumps(result))
    sys.exit(0 if result["ok"] else 1)


if __name__ == "__main__":
    main()
