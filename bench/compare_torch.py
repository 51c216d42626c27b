#!/usr/bin/env python3
"""Training-step throughput of RnnKit's fast layer against PyTorch on the CPU, measured in the same run.

One training step (the same definition on both sides, see `rnnkit help bench`):
    embedding lookup -> recurrent layer -> linear to the vocabulary -> softmax cross-entropy -> backward
    -> clip the global gradient norm at 5 -> Adam update, on random token ids, after warm-up.

Both peers get the same cores: PyTorch through torch.set_num_threads(N), RnnKit through `--threads N` (or, with
`--rnnkit-threads auto`, the count each model chooses). PyTorch runs with OpenBLAS's native kernels for this CPU:
the script drops OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE from its environment before loading torch (a machine that
sets OPENBLAS_CORETYPE=Haswell on a newer CPU slows PyTorch by 15–30 %), so the peer is at its best.
The machine may be shared, so the two are measured alternately, in several rounds, and each figure is the
median over its rounds (and within a round, the median of five timed repeats).

Usage: /usr/bin/python3 bench/compare_torch.py [--seconds 3] [--rounds 3] [--threads 2] [--rnnkit-threads auto|N]
                                              [--out bench/results.md]
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
REPEATS = 5

# (cell, vocab, hidden, batch, steps, goal as a multiple of PyTorch's tokens/s)
CONFIGS = [
    ("lstm", 65, 128, 32, 64, 1.0),
    ("gru", 65, 128, 32, 64, 1.0),
    ("rnn", 65, 128, 32, 64, 1.0),
    ("lstm", 65, 256, 32, 64, 1.0),
    ("lstm", 16, 32, 16, 20, 2.0),
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
    parser.add_argument("--threads", type=int, default=2, help="cores for each peer (default 2)")
    parser.add_argument("--rnnkit-threads", default=None,
                        help="RnnKit's threads: a number, or auto for the model's own choice (default: --threads)")
    parser.add_argument("--out", default=str(REPO / "bench/results.md"), help="markdown report (default bench/results.md)")
    options = parser.parse_args()

    torch.set_num_threads(options.threads)
    if options.rnnkit_threads is None:
        options.rnnkit_threads = str(options.threads)
    build_rnnkit()
    rows = []
    for cell, vocab, hidden, batch, steps, goal in CONFIGS:
        ours, theirs = [], []
        for round_index in range(options.rounds):
            # Alternate which peer goes first, so a neighbour's build hurts both alike.
            peers = [("rnnkit", ours), ("torch", theirs)]
            if round_index % 2:
                peers.reverse()
            for name, samples in peers:
                if name == "rnnkit":
                    samples.append(rnnkit_ms_per_step(cell, vocab, hidden, batch, steps, options.seconds, options.rnnkit_threads))
                else:
                    samples.append(torch_ms_per_step(cell, vocab, hidden, batch, steps, options.seconds))
        tokens = batch * steps
        ours_ms, theirs_ms = statistics.median(ours), statistics.median(theirs)
        row = dict(cell=cell, vocab=vocab, hidden=hidden, batch=batch, steps=steps, goal=goal,
                   rnnkit_ms=ours_ms, torch_ms=theirs_ms,
                   rnnkit_tps=tokens / ours_ms * 1000, torch_tps=tokens / theirs_ms * 1000)
        row["ratio"] = row["rnnkit_tps"] / row["torch_tps"]
        rows.append(row)
        print(format_row(row), flush=True)

    report = render(rows, options)
    Path(options.out).write_text(report)
    print(f"\nwrote {options.out}")
    return 0 if all(r["ratio"] >= r["goal"] for r in rows) else 2


def format_row(r):
    verdict = "ok" if r["ratio"] >= r["goal"] else "BELOW GOAL"
    return (f"{r['cell']:4} V={r['vocab']:<3} H={r['hidden']:<3} B={r['batch']:<2} T={r['steps']:<2}  "
            f"rnnkit {r['rnnkit_tps']:9.0f} tok/s ({r['rnnkit_ms']:7.2f} ms)  torch {r['torch_tps']:9.0f} tok/s "
            f"({r['torch_ms']:7.2f} ms)  ratio {r['ratio']:5.2f}x  goal {r['goal']:.1f}x {verdict}")


def render(rows, options):
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
    lines = [
        "# RnnKit fast layer vs PyTorch: training-step throughput",
        "",
        f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC by `/usr/bin/python3 bench/compare_torch.py "
        f"--seconds {options.seconds:g} --rounds {options.rounds} --threads {options.threads}"
        f"{'' if options.rnnkit_threads == str(options.threads) else ' --rnnkit-threads ' + options.rnnkit_threads}`.",
        "",
        f"- Machine: {cpu}, {os.cpu_count()} cores, load average at the end {load} (the machine is shared).",
        f"- PyTorch {torch.__version__} (Debian python3-torch), torch.set_num_threads({options.threads}), OpenBLAS's native "
        f"kernels (OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset); RnnKit `rnnkit bench "
        f"{'(threads chosen by the model)' if options.rnnkit_threads == 'auto' else '--threads ' + options.rnnkit_threads}` (.NET, Release).",
        "- One step: embedding → recurrent layer → linear to the vocabulary → softmax cross-entropy → backward → "
        "clip global norm 5 → Adam, random token ids, after warm-up. Figures are medians over alternating rounds.",
        "",
        "| cell | vocab | hidden | batch | steps | RnnKit tokens/s | PyTorch tokens/s | RnnKit ms/step | PyTorch ms/step | ratio | goal |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| {r['cell']} | {r['vocab']} | {r['hidden']} | {r['batch']} | {r['steps']} | {r['rnnkit_tps']:.0f} | "
                     f"{r['torch_tps']:.0f} | {r['rnnkit_ms']:.2f} | {r['torch_ms']:.2f} | {r['ratio']:.2f}× | "
                     f"{'≥' if r['ratio'] >= r['goal'] else '<'} {r['goal']:.1f}× |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
