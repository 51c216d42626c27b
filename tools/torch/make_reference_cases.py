#!/usr/bin/python3
"""Reference cases for `rnnkit reference`: one recurrent layer run forward and backward by PyTorch in float64.

Each case file holds the inputs of DESIGN.md's reference case format (PyTorch's weight layout and gate order,
x as [T][B][I]) and, under "expected", what PyTorch computed: y, h_n, c_n (lstm) and the gradients of
L = sum(y*dy) + sum(h_n*dh_n) + sum(c_n*dc_n) with respect to the weights, x, h0 and c0 (lstm).

    make_reference_cases.py --out DIR [--seed S]           the standard set (seed 0 is the one committed in
                                                           tests/RnnKit.Tests/Fixtures/reference)
    make_reference_cases.py --cell gru --input 3 --hidden 4 --steps 5 --batch 2 --seed 7 --file case.json
"""
import argparse
import json
import os
import sys

import torch

CELLS = ("rnn_tanh", "rnn_relu", "lstm", "gru")

# (input_size, hidden_size, steps, batch, final-state gradients): a typical case, a minimal one without
# dh_n/dc_n, and a wider batch whose lstm case has dh_n but no dc_n
STANDARD_SIZES = (
    (3, 4, 5, 2, "all"),
    (1, 2, 1, 1, "none"),
    (5, 3, 4, 3, "h_only"),
)


def make_module(cell, input_size, hidden_size):
    if cell in ("rnn_tanh", "rnn_relu"):
        return torch.nn.RNN(input_size, hidden_size, nonlinearity=cell[4:])
    if cell == "lstm":
        return torch.nn.LSTM(input_size, hidden_size)
    if cell == "gru":
        return torch.nn.GRU(input_size, hidden_size)
    raise SystemExit(f"unknown cell {cell!r}; expected one of {', '.join(CELLS)}")


def make_case(cell, input_size, hidden_size, steps, batch, seed, finals):
    torch.manual_seed(seed)
    module = make_module(cell, input_size, hidden_size).double()
    lstm = cell == "lstm"
    x = torch.randn(steps, batch, input_size, dtype=torch.float64, requires_grad=True)
    h0 = torch.randn(1, batch, hidden_size, dtype=torch.float64, requires_grad=True)
    c0 = torch.randn(1, batch, hidden_size, dtype=torch.float64, requires_grad=True) if lstm else None
    dy = torch.randn(steps, batch, hidden_size, dtype=torch.float64)
    dh_n = torch.randn(batch, hidden_size, dtype=torch.float64) if finals in ("all", "h_only") else None
    dc_n = torch.randn(batch, hidden_size, dtype=torch.float64) if lstm and finals == "all" else None

    if lstm:
        y, (h_n, c_n) = module(x, (h0, c0))
    else:
        y, h_n = module(x, h0)
        c_n = None
    loss = (y * dy).sum()
    if dh_n is not None:
        loss = loss + (h_n[0] * dh_n).sum()
    if dc_n is not None:
        loss = loss + (c_n[0] * dc_n).sum()
    loss.backward()

    def values(t):
        return t.detach().tolist()

    case = {
        "name": f"{cell}_i{input_size}_h{hidden_size}_t{steps}_b{batch}_{finals}",
        "seed": seed,
        "cell": cell,
        "input_size": input_size,
        "hidden_size": hidden_size,
        "weight_ih": values(module.weight_ih_l0),
        "weight_hh": values(module.weight_hh_l0),
        "bias_ih": values(module.bias_ih_l0),
        "bias_hh": values(module.bias_hh_l0),
        "x": values(x),
        "h0": values(h0[0]),
    }
    if lstm:
        case["c0"] = values(c0[0])
    case["dy"] = values(dy)
    if dh_n is not None:
        case["dh_n"] = values(dh_n)
    if dc_n is not None:
        case["dc_n"] = values(dc_n)

    grads = {
        "weight_ih": values(module.weight_ih_l0.grad),
        "weight_hh": values(module.weight_hh_l0.grad),
        "bias_ih": values(module.bias_ih_l0.grad),
        "bias_hh": values(module.bias_hh_l0.grad),
        "x": values(x.grad),
        "h0": values(h0.grad[0]),
    }
    expected = {"y": values(y), "h_n": values(h_n[0])}
    if lstm:
        expected["c_n"] = values(c_n[0])
        grads["c0"] = values(c0.grad[0])
    expected["grads"] = grads
    case["expected"] = expected
    return case


def write(case, path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(case, f, indent=1)
        f.write("\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", help="folder for the standard set of cases")
    parser.add_argument("--file", help="write one case to this file")
    parser.add_argument("--cell", choices=CELLS)
    parser.add_argument("--input", type=int, default=3)
    parser.add_argument("--hidden", type=int, default=4)
    parser.add_argument("--steps", type=int, default=5)
    parser.add_argument("--batch", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--finals", choices=("all", "none", "h_only"), default="all")
    args = parser.parse_args()

    if args.file:
        if not args.cell:
            parser.error("--file needs --cell")
        write(make_case(args.cell, args.input, args.hidden, args.steps, args.batch, args.seed, args.finals), args.file)
        return 0
    if not args.out:
        parser.error("give --out DIR (the standard set) or --file FILE --cell CELL (one case)")
    os.makedirs(args.out, exist_ok=True)
    seed = args.seed
    for cell in CELLS:
        for input_size, hidden_size, steps, batch, finals in STANDARD_SIZES:
            seed += 1
            case = make_case(cell, input_size, hidden_size, steps, batch, seed, finals)
            write(case, os.path.join(args.out, case["name"] + ".json"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
