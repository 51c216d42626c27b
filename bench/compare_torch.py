#!/usr/bin/env python3
"""Training-step throughput of RnnKit's fast layer against PyTorch on the CPU, measured in the same run.

One training step (the same definition on both sides, see `rnnkit help bench`):
    embedding lookup -> recurrent layer -> linear to the vocabulary -> softmax cross-entropy -> backward
    -> clip the global gradient norm at 5 -> Adam update, on random token ids, after warm-up.

Both peers get the same cores: PyTorch through torch.set_num_threads(N), RnnKit through `--threads N`. With a list
(`--threads 1,2`, the default) every configuration is measured at each count on both sides, and RnnKit also with
the count its model chooses by itself (`rnnkit bench` without --threads); the report then compares each peer at its
best count (issue #21: RnnKit ≥ 2× PyTorch, ≥ 5× on the lesson-sized LSTM) and RnnKit's own choice with the
better of its fixed counts. PyTorch runs with OpenBLAS's native kernels for this CPU:
the script drops OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE from its environment before loading torch (a machine that
sets OPENBLAS_CORETYPE=Haswell on a newer CPU slows PyTorch by 15–30 %), so the peer is at its best.
The machine may be shared, so the two are measured alternately, in several rounds, and each figure is the
median over its rounds (and within a round, the median of five timed repeats).

Usage: /usr/bin/python3 bench/compare_torch.py [--seconds 3] [--rounds 3] [--threads 1,2] [--out bench/results.md]
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

# OpenBLAS picks its kernels when torch loads it: drop the overrides first (re-running this script without them).
OPENBLAS_OVERRIDES = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
if any(name in os.environ for name in OPENBLAS_OVERRIDES):
    os.execve(sys.executable, [sys.executable, *sys.argv],
              {k: v for k, v in os.environ.items() if k not in OPENBLAS_OVERRIDES})

import torch  # noqa: E402  (after the environment is settled)
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
CLIP_NORM = 5.0
WARM_UP_STEPS = 3
IDLE_AFTER_TORCH = 1.0  # seconds
REPEATS = 5

# (cell, vocab, hidden, batch, steps, goal at the same thread count, goal each at its best count), as multiples of
# PyTorch's tokens/s
CONFIGS = [
    ("lstm", 65, 128, 32, 64, 1.0, 2.0),
    ("gru", 65, 128, 32, 64, 1.0, 2.0),
    ("rnn", 65, 128, 32, 64, 1.0, 2.0),
    ("lstm", 65, 256, 32, 64, 1.0, 2.0),
    ("lstm", 16, 32, 16, 20, 2.0, 5.0),
]

RECURRENT = {"lstm": nn.LSTM, "gru": nn.GRU, "rnn": nn.RNN}


def torch_ms_per_step(cell, vocab, hidden, batch, steps, seconds):
    """Median over REPEATS of the mean wall-clock milliseconds of one training step in PyTorch."""
    torch.manual_seed(0)
    embedding = nn.Embedding(vocab, hidden)
    recurrent = RECURRENT[cell](hidden, hidden)  # tanh for nn.RNN; input (T, B, H)
    linear = nn.Linear(hidden, vocab)
    params = [*embedding.parameters(), *recurrent.parameters(), *linear.parameters()]
    optimizer = torch.optim.Adam(params)
    inputs = torch.randint(0, vocab, (steps, batch))
    targets = torch.randint(0, vocab, (steps, batch))

    def step():
        optimizer.zero_grad()
        output, _ = recurrent(embedding(inputs))
        loss = F.cross_entropy(linear(output).reshape(-1, vocab), targets.reshape(-1))
        loss.backward()
        nn.utils.clip_grad_norm_(params, CLIP_NORM)
        optimizer.step()

    for _ in range(WARM_UP_STEPS):
        step()
    samples = []
    for _ in range(REPEATS):
        count, start = 0, time.perf_counter()
        while True:
            step()
            count += 1
            elapsed = time.perf_counter() - start
            if elapsed >= seconds / REPEATS:
                break
        samples.append(elapsed / count * 1000)
    return statistics.median(samples)


def rnnkit_ms_per_step(cell, vocab, hidden, batch, steps, seconds, threads):
    """Runs `rnnkit bench --json` (built once, Release) and returns its ms_per_step."""
    dll = REPO / "lib/RnnKit.Cli/bin/Release/net10.0/RnnKit.Cli.dll"
    args = ["dotnet", str(dll), "bench", "--cell", cell, "--vocab", str(vocab), "--hidden", str(hidden),
            "--batch", str(batch), "--steps", str(steps), "--seconds", str(seconds), "--json"]
    if threads != "auto":
        args += ["--threads", str(threads)]
    result = subprocess.run(args, capture_output=True, text=True, check=True)
    line = json.loads(result.stdout.strip().splitlines()[-1])
    return line["ms_per_step"]


def build_rnnkit():
    subprocess.run(["dotnet", "build", str(REPO / "lib/RnnKit.Cli/RnnKit.Cli.csproj"), "-c", "Release", "--nologo", "-v", "quiet"],
                   check=True, capture_output=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="timed budget per measurement (default 3)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per configuration (default 3)")
    parser.add_argument("--threads", default="1,2", help="thread counts for each peer, comma-separated (default 1,2)")
    parser.add_argument("--out", default=str(REPO / "bench/results.md"), help="markdown report (default bench/results.md)")
    options = parser.parse_args()
    counts = [int(t) for t in options.threads.split(",")]

    build_rnnkit()
    rows = []
    for cell, vocab, hidden, batch, steps, goal, best_goal in CONFIGS:
        samples = {}  # (peer, threads) -> ms per step, one per round
        for round_index in range(options.rounds):
            # Alternate the order, so a neighbour's build hurts every measurement alike.
            runs = [("rnnkit", t) for t in counts] + [("rnnkit", "auto")] + [("torch", t) for t in counts]
            for peer, threads in (runs if round_index % 2 == 0 else runs[::-1]):
                if peer == "rnnkit":
                    ms = rnnkit_ms_per_step(cell, vocab, hidden, batch, steps, options.seconds, threads)
                else:
                    torch.set_num_threads(threads)
                    ms = torch_ms_per_step(cell, vocab, hidden, batch, steps, options.seconds)
                    # PyTorch's OpenMP and OpenBLAS threads spin for a while after their last product; let them go
                    # idle, or RnnKit's next run (a separate process) shares the cores with them.
                    time.sleep(IDLE_AFTER_TORCH)
                samples.setdefault((peer, threads), []).append(ms)
        tokens = batch * steps
        tps = {key: tokens / statistics.median(ms) * 1000 for key, ms in samples.items()}
        row = dict(cell=cell, vocab=vocab, hidden=hidden, batch=batch, steps=steps, goal=goal, best_goal=best_goal,
                   tps=tps, chosen=rnnkit_choice(cell, vocab, hidden, batch, steps))
        ours = max(counts, key=lambda t: tps[("rnnkit", t)])
        theirs = max(counts, key=lambda t: tps[("torch", t)])
        row.update(ours=ours, theirs=theirs, best_ratio=tps[("rnnkit", ours)] / tps[("torch", theirs)],
                   default_share=tps[("rnnkit", "auto")] / tps[("rnnkit", ours)])
        rows.append(row)
        print(format_row(row, counts), flush=True)

    Path(options.out).write_text(render(rows, counts, options))
    print(f"\nwrote {options.out}")
    return 0 if all(r["best_ratio"] >= r["best_goal"] for r in rows) else 2


def rnnkit_choice(cell, vocab, hidden, batch, steps):
    """The thread count the model chooses by itself on this machine, from `rnnkit bench`'s text line."""
    dll = REPO / "lib/RnnKit.Cli/bin/Release/net10.0/RnnKit.Cli.dll"
    out = subprocess.run(["dotnet", str(dll), "bench", "--cell", cell, "--vocab", str(vocab), "--hidden", str(hidden),
                          "--batch", str(batch), "--steps", str(steps), "--seconds", "0"], capture_output=True, text=True, check=True)
    return int(out.stdout.split("(", 1)[1].split(" threads", 1)[0])


def name(r):
    return f"{r['cell'].upper()} ({r['vocab']}, {r['hidden']}, {r['batch']}, {r['steps']})"


def format_row(r, counts):
    t = r["tps"]
    parts = "  ".join(f"rnnkit/{n} {t[('rnnkit', n)]:9.0f}  torch/{n} {t[('torch', n)]:9.0f}" for n in counts)
    verdict = "ok" if r["best_ratio"] >= r["best_goal"] else "BELOW GOAL"
    return (f"{name(r):26} {parts}  rnnkit/auto({r['chosen']}) {t[('rnnkit', 'auto')]:9.0f}  "
            f"best vs best {r['best_ratio']:5.2f}x (goal {r['best_goal']:.0f}x) {verdict}")


def render(rows, counts, options):
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
    lines = [
        "# RnnKit fast layer vs PyTorch: training-step throughput",
        "",
        f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC by `/usr/bin/python3 bench/compare_torch.py "
        f"--seconds {options.seconds:g} --rounds {options.rounds} --threads {options.threads}`.",
        "",
        f"- Machine: {cpu}, {os.cpu_count()} cores, load average at the end {load}.",
        f"- PyTorch {torch.__version__} (Debian python3-torch), torch.set_num_threads(N), OpenBLAS's native kernels "
        "(OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset); RnnKit `rnnkit bench --threads N` (.NET, Release), and "
        "`rnnkit bench` alone for the count the model chooses.",
        "- One step: embedding → recurrent layer → linear to the vocabulary → softmax cross-entropy → backward → "
        "clip global norm 5 → Adam, random token ids, after warm-up. Figures are medians over alternating rounds.",
        "",
        "## Each at its best thread count",
        "",
        "| model (vocab, hidden, batch, steps) | RnnKit tokens/s (threads) | PyTorch tokens/s (threads) | ratio | goal |",
        "|---|---:|---:|---:|---:|",
    ]
    for r in rows:
        t = r["tps"]
        lines.append(f"| {name(r)} | {t[('rnnkit', r['ours'])]:.0f} ({r['ours']}) | {t[('torch', r['theirs'])]:.0f} ({r['theirs']}) | "
                     f"{r['best_ratio']:.2f}× | {'≥' if r['best_ratio'] >= r['best_goal'] else '<'} {r['best_goal']:.0f}× |")
    lines += ["", "## RnnKit's own choice of threads against the better of its fixed counts", "",
              "| model | chosen threads | tokens/s | better fixed count, tokens/s | share |", "|---|---:|---:|---:|---:|"]
    for r in rows:
        t = r["tps"]
        lines.append(f"| {name(r)} | {r['chosen']} | {t[('rnnkit', 'auto')]:.0f} | {t[('rnnkit', r['ours'])]:.0f} ({r['ours']}) | "
                     f"{r['default_share']:.0%} |")
    for n in counts:
        lines += ["", f"## {n} thread{'s' if n > 1 else ''} each", "",
                  "| model | RnnKit tokens/s | PyTorch tokens/s | ratio | goal |", "|---|---:|---:|---:|---:|"]
        for r in rows:
            t = r["tps"]
            ratio = t[("rnnkit", n)] / t[("torch", n)]
            lines.append(f"| {name(r)} | {t[('rnnkit', n)]:.0f} | {t[('torch', n)]:.0f} | {ratio:.2f}× | "
                         f"{'≥' if ratio >= r['goal'] else '<'} {r['goal']:.1f}× |")
    if 1 in counts and 2 in counts:
        lines += ["", "## RnnKit, two threads against one", "", "| model | 1 thread | 2 threads | 2/1 |", "|---|---:|---:|---:|"]
        for r in rows:
            t = r["tps"]
            lines.append(f"| {name(r)} | {t[('rnnkit', 1)]:.0f} | {t[('rnnkit', 2)]:.0f} | {t[('rnnkit', 2)] / t[('rnnkit', 1)]:.2f}× |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
