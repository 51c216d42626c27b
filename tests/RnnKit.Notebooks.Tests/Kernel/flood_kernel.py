"""Floods a kernel with printed lines and says whether they all arrived, in order, with the idle status, and how
long that took — for rnnkit-csharp and for ipykernel printing the same lines, in the same run.

Usage: JUPYTER_DATA_DIR=... python3 flood_kernel.py LINES
Prints one JSON line: {"rnnkit-csharp": {...}, "python3": {...}}; each with seconds (execute_request sent to idle
status received), stream_messages, complete (every line, in order), idle (the status arrived), reply status, and
nbconvert_seconds / nbconvert_complete for the same cell run by `jupyter nbconvert --execute`.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import nbformat
from jupyter_client import KernelManager

TIMEOUT = 300  # seconds for any one message; the first C# cell starts Roslyn

CELLS = {
    "rnnkit-csharp": 'for (var i = 0; i < {n}; i++) Console.WriteLine($"line {{i}}");',
    "python3": 'for i in range({n}):\n    print(f"line {{i}}")',
}


def expected(lines):
    return "".join(f"line {i}\n" for i in range(lines))


def through_client(kernel, lines):
    km = KernelManager(kernel_name=kernel)
    km.start_kernel()
    try:
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=TIMEOUT)
        kc.execute_interactive("1", timeout=TIMEOUT, output_hook=lambda msg: None)  # warm up
        code = CELLS[kernel].format(n=lines)
        start = time.monotonic()
        msg_id = kc.execute(code)
        text, streams, idle = [], 0, False
        while True:
            try:
                msg = kc.get_iopub_msg(timeout=TIMEOUT)
            except Exception:
                break
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream" and msg["content"]["name"] == "stdout":
                streams += 1
                text.append(msg["content"]["text"])
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                idle = True
                break
        seconds = time.monotonic() - start
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = kc.get_shell_msg(timeout=TIMEOUT)
        kc.stop_channels()
        return {"seconds": seconds, "stream_messages": streams, "complete": "".join(text) == expected(lines),
                "received_characters": sum(map(len, text)), "idle": idle, "status": reply["content"]["status"]}
    finally:
        km.shutdown_kernel(now=True)


def through_nbconvert(kernel, lines, folder):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("1"), nbformat.v4.new_code_cell(CELLS[kernel].format(n=lines))]
    path = os.path.join(folder, f"flood-{kernel}.ipynb")
    nbformat.write(nb, path)
    start = time.monotonic()
    run = subprocess.run(["jupyter-nbconvert", "--to", "notebook", "--execute", "--inplace",
                          f"--ExecutePreprocessor.kernel_name={kernel}", "--ExecutePreprocessor.timeout=600", path],
                         capture_output=True, text=True)
    seconds = time.monotonic() - start
    executed = nbformat.read(path, as_version=4)
    text = "".join(o.get("text", "") for o in executed.cells[1].outputs if o.get("output_type") == "stream")
    return {"nbconvert_seconds": seconds, "nbconvert_exit": run.returncode, "nbconvert_complete": text == expected(lines),
            "nbconvert_stderr": run.stderr[-2000:] if run.returncode or "Timeout" in run.stderr else ""}


def main():
    lines = int(sys.argv[1])
    out = {}
    with tempfile.TemporaryDirectory() as folder:
        for kernel in CELLS:
            out[kernel] = through_client(kernel, lines)
            out[kernel].update(through_nbconvert(kernel, lines, folder))
    print(json.dumps(out))


if __name__ == "__main__":
    main()
