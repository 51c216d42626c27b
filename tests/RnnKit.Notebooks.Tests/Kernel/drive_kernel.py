"""Drives the rnnkit-csharp kernel with Jupyter's own client (jupyter_client.KernelManager) and prints one JSON
object describing what happened, for KernelInteropTests to assert on.

Usage: JUPYTER_DATA_DIR=... python3 drive_kernel.py KERNEL_NAME
"""
import json
import sys
import time
from queue import Empty

from jupyter_client import KernelManager

TIMEOUT = 120  # seconds for any one reply; the first cell warms Roslyn up (seconds on a loaded machine)


def reply_to(kc, msg_id):
    """The shell reply to msg_id (wait_for_ready may leave a kernel_info_reply behind)."""
    while True:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def collect(kc, msg_id):
    """Every iopub message of one request, up to its status idle, as (msg_type, content)."""
    messages = []
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        messages.append((msg["msg_type"], msg["content"]))
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return messages


def execute(kc, code, allow_stdin=None):
    msg_id = kc.execute(code, allow_stdin=allow_stdin)
    return outcome(kc, msg_id)


def outcome(kc, msg_id):
    reply = reply_to(kc, msg_id)
    iopub = collect(kc, msg_id)
    return {
        "status": reply["content"]["status"],
        "execution_count": reply["content"].get("execution_count"),
        "ename": reply["content"].get("ename"),
        "evalue": reply["content"].get("evalue"),
        "types": [t for t, _ in iopub],
        "stdout": "".join(c["text"] for t, c in iopub if t == "stream" and c["name"] == "stdout"),
        "stderr": "".join(c["text"] for t, c in iopub if t == "stream" and c["name"] == "stderr"),
        "results": [c["data"].get("text/plain") for t, c in iopub if t == "execute_result"],
        "displays": [c["data"].get("text/plain") for t, c in iopub if t in ("display_data", "update_display_data")],
        "errors": [c["evalue"] for t, c in iopub if t == "error"],
        "clear_waits": [c["wait"] for t, c in iopub if t == "clear_output"],
    }


def with_input(kc, code, answer):
    """Runs a cell that reads a line, answering its input_request with answer."""
    msg_id = kc.execute(code, allow_stdin=True)
    request = kc.get_stdin_msg(timeout=TIMEOUT)
    kc.input(answer)
    out = outcome(kc, msg_id)
    out["input_request_parent"] = request["parent_header"].get("msg_id") == msg_id
    return out


def replayed(kc):
    """Sends one signed execute_request twice, byte for byte; the kernel must run it once and drop the copy."""
    execute(kc, "var replays = 0;")
    msg = kc.session.msg("execute_request", {"code": "replays++;", "silent": False, "store_history": True,
                                             "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
    kc.shell_channel.send(msg)
    first = reply_to(kc, msg["header"]["msg_id"])["content"]["status"]
    kc.shell_channel.send(msg)
    try:
        reply_to_within(kc, msg["header"]["msg_id"], 3)
        second = "answered"
    except Empty:
        second = "dropped"
    return {"first": first, "second": second, "runs": execute(kc, "replays")["results"]}


def reply_to_within(kc, msg_id, seconds):
    while True:
        reply = kc.get_shell_msg(timeout=seconds)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def interrupted(km, kc, code):
    """Runs a cell that never ends by itself, interrupts it after a second; how it ended and how long it took."""
    msg_id = kc.execute(code)
    while True:  # wait until the kernel has started the cell
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
            break
    time.sleep(1)
    start = time.monotonic()
    km.interrupt_kernel()
    reply = reply_to(kc, msg_id)
    seconds = time.monotonic() - start
    collect(kc, msg_id)
    return {"status": reply["content"]["status"], "ename": reply["content"].get("ename"), "seconds": seconds}


def request(kc, send):
    return reply_to(kc, send())["content"]


def main():
    km = KernelManager(kernel_name=sys.argv[1])
    started = time.monotonic()
    km.start_kernel()
    try:
        out = drive(km, started)
    finally:
        if km.is_alive():  # the script failed half-way: never leave a kernel behind
            km.shutdown_kernel(now=True)
    print(json.dumps(out))


def drive(km, started):
    out = {}
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=TIMEOUT)
    out["ready_seconds"] = time.monotonic() - started
    first = execute(kc, "6 * 7")
    out["first_result_seconds"] = time.monotonic() - started
    out["first"] = first

    info = request(kc, kc.kernel_info)
    out["kernel_info"] = {"implementation": info["implementation"], "language": info["language_info"]["name"],
                          "protocol_version": info["protocol_version"]}

    out["ok"] = execute(kc, 'Console.WriteLine("hello from C#");\nConsole.Error.WriteLine("careful");\nvar x = 6 * 7;\nx')
    out["display"] = execute(kc, 'var handle = display("0%");\nhandle.Update("100%");')
    out["exception"] = execute(kc, 'throw new InvalidOperationException("boom");')
    out["compile_error"] = execute(kc, "undefinedName + 1")

    out["interrupt_delay"] = interrupted(km, kc, "await Task.Delay(600_000);")
    out["interrupt_loop"] = interrupted(km, kc, "var spins = 0L;\nwhile (true) { spins++; }")
    sleeping = time.monotonic()
    out["interrupt_sleep"] = interrupted(km, kc, "System.Threading.Thread.Sleep(5000);\nx = 1;")
    time.sleep(max(0.0, sleeping + 7 - time.monotonic()))  # past the end of the sleep: x = 1 must not have run
    out["after_interrupt"] = execute(kc, "x + 1")

    out["stdin"] = with_input(kc, 'Console.Write("name: ");\nvar name = Console.ReadLine();\n$"hello {name}"', "Ada")
    out["stdin_refused"] = execute(kc, "Console.ReadLine()", allow_stdin=False)
    out["clear_output"] = execute(kc, 'Console.WriteLine("epoch 1");\nClearOutput(wait: true);\nConsole.WriteLine("epoch 2");')
    out["replay"] = replayed(kc)

    out["complete_member"] = request(kc, lambda: kc.complete("Console.Wri", 11))
    execute(kc, "var learningRate = 0.1;")
    out["complete_local"] = request(kc, lambda: kc.complete("learn", 5))
    inspected = request(kc, lambda: kc.inspect("Console.WriteLine", 10))
    out["inspect"] = {"found": inspected["found"], "text": inspected["data"].get("text/plain", "")}
    out["is_complete_open_brace"] = request(kc, lambda: kc.is_complete("for (var i = 0; i < 3; i++) {"))["status"]
    out["is_complete_statement"] = request(kc, lambda: kc.is_complete("var a = 1;"))["status"]

    restarted = time.monotonic()
    km.restart_kernel()
    kc.stop_channels()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=TIMEOUT)
    out["after_restart"] = execute(kc, "x")
    out["restart_seconds"] = time.monotonic() - restarted

    kc.stop_channels()
    km.shutdown_kernel()
    out["alive_after_shutdown"] = km.is_alive()
    return out


if __name__ == "__main__":
    main()
