#!/usr/bin/python3
"""Convert a lesson between .ipynb and a plain-text authoring form, and back.

The text form is easier to write and review than notebook JSON:

    %% md
    # 05 · LSTM
    ...markdown...
    %% code
    var x = 1;

    nbtext.py to-text notebooks/05-lstm.ipynb > 05.txt
    nbtext.py to-notebook 05.txt notebooks/05-lstm.ipynb

to-notebook writes what the kit's lessons use: nbformat 4.5, the Polyglot (.NET Interactive) metadata,
cell ids "<file stem>-NN", no outputs, keys sorted, one-space indent, UTF-8 text unescaped. A Chinese twin
(NN-words.zh.ipynb, beside its English lesson) gets the metadata "rnnkit": {"language": "zh-Hans"} and cell ids
"NN-words-zh-KK" (a cell id may not hold a dot). Only the Python standard library is used.
"""
import json
import os
import sys

METADATA = {
    "kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
    "language_info": {"name": "polyglot-notebook"},
    "polyglot_notebook": {
        "kernelInfo": {"defaultKernelName": "csharp", "items": [{"aliases": [], "name": "csharp"}]}
    },
}
CODE_METADATA = {"dotnet_interactive": {"language": "csharp"}, "polyglot_notebook": {"kernelName": "csharp"}}
MARKERS = {"%% md": "markdown", "%% code": "code"}
# The editions other than English: a lesson's twin is NN-words.<suffix>.ipynb; its notebook metadata names the language.
EDITIONS = {"zh": "zh-Hans"}


def fail(message):
    print(f"nbtext: {message}", file=sys.stderr)
    sys.exit(2)


def to_text(path):
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    parts = []
    for cell in nb["cells"]:
        marker = "%% md" if cell["cell_type"] == "markdown" else "%% code"
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        parts.append(marker + "\n" + source.rstrip("\n") + "\n")
    return "".join(parts)


def parse_text(path):
    cells, kind, lines = [], None, []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            stripped = line.rstrip("\n")
            if stripped in MARKERS:
                if kind is not None:
                    cells.append((kind, lines))
                kind, lines = MARKERS[stripped], []
            elif kind is None:
                if stripped.strip():
                    fail(f"{path}:{number}: text before the first '%% md' or '%% code' marker")
            else:
                lines.append(stripped)
    if kind is not None:
        cells.append((kind, lines))
    if not cells:
        fail(f"{path}: no cells (a cell starts with a line '%% md' or '%% code')")
    return cells


def to_notebook(source_path, target_path):
    stem = os.path.splitext(os.path.basename(target_path))[0]
    metadata = dict(METADATA)
    base, _, suffix = stem.rpartition(".")
    if base and suffix in EDITIONS:
        metadata["rnnkit"] = {"language": EDITIONS[suffix]}
    stem = stem.replace(".", "-")
    cells = []
    for index, (kind, lines) in enumerate(parse_text(source_path)):
        while lines and not lines[-1].strip():
            lines.pop()
        while lines and not lines[0].strip():
            lines.pop(0)
        source = [line + "\n" for line in lines]
        if source:
            source[-1] = source[-1][:-1]
        cell = {"cell_type": kind, "id": f"{stem}-{index:02d}", "metadata": {}, "source": source}
        if kind == "code":
            cell.update(execution_count=None, metadata=CODE_METADATA, outputs=[])
        cells.append(cell)
    nb = {"cells": cells, "metadata": metadata, "nbformat": 4, "nbformat_minor": 5}
    text = json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    with open(target_path, "w", encoding="utf-8") as f:
        f.write(text)


def main(argv):
    if len(argv) == 3 and argv[1] == "to-text":
        sys.stdout.write(to_text(argv[2]))
    elif len(argv) == 4 and argv[1] == "to-notebook":
        to_notebook(argv[2], argv[3])
    else:
        fail("usage: nbtext.py to-text NOTEBOOK.ipynb | nbtext.py to-notebook TEXT NOTEBOOK.ipynb")


if __name__ == "__main__":
    main(sys.argv)
