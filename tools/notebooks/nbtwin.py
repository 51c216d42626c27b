#!/usr/bin/python3
"""Show an English lesson and its Chinese twin side by side, and check the twin for drift (issue #23).

    nbtwin.py side-by-side notebooks/05-lstm.zh.ipynb              # two columns in the terminal
    nbtwin.py side-by-side notebooks/05-lstm.ipynb 05.zh.txt       # the twin may be nbtext's text form
    nbtwin.py side-by-side notebooks/05-lstm.zh.ipynb --html 05.html
    nbtwin.py check notebooks/*.zh.ipynb                           # exit 1 when a twin has drifted

Cells are paired by position, as the drift test pairs them. `check` is a quick approximation of the drift test
(tests/RnnKit.Notebooks.Tests/Lessons/TwinDrift.cs, which compares Roslyn's tokens and is the one that counts): the
metadata's language, the number and kinds of cells, code equal outside comments and string literals (a small C#
lexer; an interpolated string's holes are code), the exercise markup lines, displayed formulas, and the share of
Chinese in each Markdown cell. Only the Python standard library is used.
"""
import argparse
import html
import json
import os
import re
import shutil
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import nbtext  # noqa: E402  (the text form and the editions)

MINIMUM_HAN_SHARE = 0.3  # as TwinDrift.MinimumHanShare
MINIMUM_PROSE = 20  # as TwinDrift.MinimumProse
MARKUP = re.compile(r"^\s*//\s*(Exercise\s+\S+:|Tests for\s|BEGIN |END )")


def fail(message):
    print(f"nbtwin: {message}", file=sys.stderr)
    sys.exit(2)


def load(path):
    """(cells, language) of a notebook or of nbtext's text form; cells are (kind, source)."""
    if path.endswith(".txt"):
        cells = [(kind, "\n".join(lines).strip("\n")) for kind, lines in nbtext.parse_text(path)]
        base = os.path.basename(path)[: -len(".txt")]
        return cells, nbtext.EDITIONS.get(base.rpartition(".")[2], "en")
    try:
        with open(path, encoding="utf-8") as f:
            nb = json.load(f)
    except (OSError, ValueError) as e:
        fail(f"{path}: cannot read the notebook: {e}")
    cells = []
    for cell in nb.get("cells", []):
        source = cell.get("source", "")
        cells.append((cell.get("cell_type"), "".join(source) if isinstance(source, list) else source))
    return cells, nb.get("metadata", {}).get("rnnkit", {}).get("language", "en")


def suffix_of(path):
    stem = os.path.splitext(os.path.basename(path))[0]
    base, _, suffix = stem.rpartition(".")
    return suffix if base and suffix in nbtext.EDITIONS else None


def pair(paths):
    """(english, twin) from one twin's path, or from both paths."""
    if len(paths) == 2:
        return paths[0], paths[1]
    path = paths[0]
    suffix = suffix_of(path)
    if suffix is None:
        fail(f"{path}: not a twin's name (NN-words.zh.ipynb); give the English lesson and the twin")
    return os.path.join(os.path.dirname(path), os.path.basename(path)[: -len(f".{suffix}.ipynb")] + ".ipynb"), path


# --- side by side ---------------------------------------------------------------------------------------------

def width(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(line, columns):
    """Cuts a line into pieces of at most `columns` display columns (CJK characters count two)."""
    pieces, current, used = [], "", 0
    for c in line.expandtabs(4):
        w = 2 if unicodedata.east_asian_width(c) in "WF" else 1
        if used + w > columns:
            pieces.append(current)
            current, used = "", 0
        current += c
        used += w
    pieces.append(current)
    return pieces


def side_by_side_text(english, twin, names, columns):
    half = max(20, (columns - 3) // 2)
    out = []
    rule = "─" * half
    out.append(f"{pad(names[0], half)} │ {names[1]}")
    for index in range(max(len(english), len(twin))):
        a = english[index] if index < len(english) else ("—", "")
        b = twin[index] if index < len(twin) else ("—", "")
        out.append(f"{rule}─┼─{rule}")
        flag = "" if a[0] == b[0] else "   ← kinds differ"
        out.append(f"{pad(f'cell {index + 1} · {a[0]}', half)} │ cell {index + 1} · {b[0]}{flag}")
        left = [p for line in a[1].split("\n") for p in wrap(line, half)]
        right = [p for line in b[1].split("\n") for p in wrap(line, half)]
        for i in range(max(len(left), len(right))):
            out.append(f"{pad(left[i] if i < len(left) else '', half)} │ {right[i] if i < len(right) else ''}".rstrip())
    return "\n".join(out) + "\n"


def pad(text, columns):
    return text + " " * max(0, columns - width(text))


def side_by_side_html(english, twin, names, findings):
    rows = []
    by_cell = {}
    for cell, message in findings:
        by_cell.setdefault(cell, []).append(message)
    for index in range(max(len(english), len(twin))):
        a = english[index] if index < len(english) else ("—", "")
        b = twin[index] if index < len(twin) else ("—", "")
        notes = "".join(f"<div class=drift>{html.escape(m)}</div>" for m in by_cell.get(index + 1, []))
        rows.append(f"<tr><th colspan=2>cell {index + 1} · {html.escape(a[0])} / {html.escape(b[0])}{notes}</th></tr>"
                    f"<tr class={html.escape(a[0])}><td><pre>{html.escape(a[1])}</pre></td><td><pre>{html.escape(b[1])}</pre></td></tr>")
    general = "".join(f"<p class=drift>{html.escape(m)}</p>" for m in by_cell.get(None, []))
    return f"""<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>{html.escape(names[1])}</title>
<style>
body {{ font-family: sans-serif; margin: 1em; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
td, th {{ border: 1px solid #ccc; vertical-align: top; padding: 4px 8px; text-align: left; }}
th {{ background: #f3f3f3; font-weight: normal; font-size: 90%; }}
pre {{ white-space: pre-wrap; margin: 0; font-size: 90%; }}
tr.code td {{ background: #fafaf5; }}
.drift {{ color: #b00; }}
</style></head><body>
<h1>{html.escape(names[0])} ↔ {html.escape(names[1])}</h1>
{general or "<p>No drift found by nbtwin.py check (the drift test in dotnet test is the one that counts).</p>"}
<table><colgroup><col><col></colgroup>
<tr><th>{html.escape(names[0])}</th><th>{html.escape(names[1])}</th></tr>
{"".join(rows)}
</table></body></html>
"""


# --- check ----------------------------------------------------------------------------------------------------

IDENTIFIER = re.compile(r"[A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*|\d[\w.]*|\S")
CHAR = re.compile(r"'(\\.[^']*|[^'\\\n])'")
PLACEHOLDER = re.compile(r"\{\d+(,-?\d+)?(:[^{}]*)?\}")


def code_tokens(source):
    """The code of a cell as tokens: comments dropped, a plain string literal one token 'STRING' (with its format
    placeholders), an interpolated string's text dropped and its holes kept as code."""
    tokens, i, n = [], 0, len(source)

    def skip_char(j):
        """The end of a char literal at j ('x', '\\n', '{')."""
        m = CHAR.match(source, j)
        return m.end() if m else j + 1

    def hole_end(start):
        depth, j = 0, start
        while j < n:
            c = source[j]
            if c == '"':
                j = skip_string(j)
                continue
            if c == "'":
                j = skip_char(j)
                continue
            if c == "{":
                depth += 1
            elif c == "}":
                if depth == 0:
                    return j
                depth -= 1
            j += 1
        return n

    def skip_string(j):
        verbatim = source[j - 1:j] == "@"
        j += 1
        while j < n:
            if source[j] == "\\" and not verbatim:
                j += 2
                continue
            if source[j] == '"':
                if verbatim and source[j + 1:j + 2] == '"':
                    j += 2
                    continue
                return j + 1
            j += 1
        return n

    while i < n:
        if source.startswith("//", i):
            i = source.find("\n", i) if "\n" in source[i:] else n
            continue
        if source.startswith("/*", i):
            end = source.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        if source.startswith('"""', i):
            end = source.find('"""', i + 3)
            tokens.append("STRING")
            i = n if end < 0 else end + 3
            continue
        m = re.match(r'(\$@|@\$|\$)"', source[i:])
        if m:
            tokens.append(m.group(1) + '"')
            verbatim = "@" in m.group(1)
            j = i + len(m.group(0))
            while j < n:
                c = source[j]
                if c == "\\" and not verbatim:
                    j += 2
                elif c == '"' and verbatim and source[j + 1:j + 2] == '"':
                    j += 2
                elif c == '"':
                    j += 1
                    break
                elif c == "{" and source[j + 1:j + 2] == "{":
                    j += 2
                elif c == "{":
                    end = hole_end(j + 1)
                    tokens.extend(["{"] + code_tokens(source[j + 1:end]) + ["}"])
                    j = end + 1
                else:
                    j += 1
            tokens.append('"')
            i = j
            continue
        if source[i] == '"' or source.startswith('@"', i):
            start = i + (1 if source[i] == "@" else 0)
            end = skip_string(start)
            literal = source[start:end].replace("{{", "").replace("}}", "")
            tokens.append("STRING[" + " ".join(m.group(0) for m in PLACEHOLDER.finditer(literal)) + "]")
            i = end
            continue
        if source[i].isspace():
            i += 1
            continue
        m = CHAR.match(source, i)
        if m:
            tokens.append(m.group(0))
            i = m.end()
            continue
        m = IDENTIFIER.match(source, i)
        tokens.append(m.group(0))
        i = m.end()
    return tokens


def prose(markdown):
    text = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    text = re.sub(r"\$\$.*?\$\$", " ", text, flags=re.S)
    text = re.sub(r"\$[^$\n]+\$", " ", text)
    text = re.sub(r"`[^`\n]+`", " ", text)
    text = re.sub(r"\]\([^)]*\)|<[^>\n]+>", " ", text)
    text = re.sub(r"https?://\S+", " ", text)
    return re.sub(r"（[^）\n]*）|(?<=[\u4e00-\u9fff])\s*\([^)\n]*\)", " ", text)


def han_share(markdown):
    text = prose(markdown)
    han = sum(1 for c in text if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf")
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    return han, latin


def check(english_path, twin_path):
    """Findings: (cell number or None, message)."""
    findings = []
    if not os.path.exists(english_path):
        return [(None, f"no English lesson {os.path.basename(english_path)} beside the twin")]
    english, _ = load(english_path)
    twin, language = load(twin_path)
    suffix = suffix_of(twin_path) or suffix_of(twin_path[: -len(".txt")] + ".ipynb" if twin_path.endswith(".txt") else twin_path)
    expected = nbtext.EDITIONS.get(suffix, "en") if suffix else None
    if expected and language != expected:
        findings.append((None, f"metadata rnnkit.language is '{language}', the name says '{expected}'"))
    kinds_a = [k for k, _ in english]
    kinds_b = [k for k, _ in twin]
    if kinds_a != kinds_b:
        first = next((i for i, (a, b) in enumerate(zip(kinds_a, kinds_b)) if a != b), min(len(kinds_a), len(kinds_b)))
        findings.append((None, f"cells: the English lesson has {len(kinds_a)}, the twin {len(kinds_b)}; "
                               f"first difference at cell {first + 1}"))
        return findings
    for index, ((kind, a), (_, b)) in enumerate(zip(english, twin)):
        cell = index + 1
        if kind == "code":
            ta, tb = code_tokens(a), code_tokens(b)
            if ta != tb:
                at = next((i for i, (x, y) in enumerate(zip(ta, tb)) if x != y), min(len(ta), len(tb)))
                x = ta[at] if at < len(ta) else "(end)"
                y = tb[at] if at < len(tb) else "(end)"
                findings.append((cell, f"code differs outside comments and strings: the twin has '{y}' where the English has '{x}'"))
            markup_a = [line.strip() for line in a.split("\n") if MARKUP.match(line)]
            markup_b = [line.strip() for line in b.split("\n") if MARKUP.match(line)]
            heads = [re.sub(r":.*\(", ": … (", m) for m in markup_a], [re.sub(r":.*\(", ": … (", m) for m in markup_b]
            if heads[0] != heads[1]:
                findings.append((cell, f"exercise markup differs: {heads[0]} vs {heads[1]}"))
        elif kind == "markdown":
            han, latin = han_share(b)
            if han + latin >= MINIMUM_PROSE and han / (han + latin) < MINIMUM_HAN_SHARE:
                findings.append((cell, f"{han / (han + latin):.0%} of the prose is Chinese ({han} Han, {latin} Latin): translate it"))
            elif han + latin < MINIMUM_PROSE and a == b and re.search(r"\b[A-Za-z][a-z]{2,}\b", prose(a)):
                findings.append((cell, "the English cell unchanged: translate it"))
            squeeze = re.sub(r"\s+", "", b)
            for formula in dict.fromkeys(re.findall(r"\$\$.*?\$\$", a, flags=re.S)):
                if re.sub(r"\s+", "", formula) not in squeeze:
                    findings.append((cell, f"the formula {formula[:50]}… is not in the twin's cell"))
    return findings


def main(argv):
    parser = argparse.ArgumentParser(prog="nbtwin.py", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    side = sub.add_parser("side-by-side", help="an English lesson and its twin, cell by cell")
    side.add_argument("paths", nargs="+", help="the twin (NN-words.zh.ipynb), or the English lesson and the twin (.ipynb or .txt)")
    side.add_argument("--html", help="write an HTML page here instead of printing text")
    side.add_argument("--width", type=int, default=shutil.get_terminal_size((160, 40)).columns)
    chk = sub.add_parser("check", help="report drift (an approximation of the drift test)")
    chk.add_argument("twins", nargs="+")
    args = parser.parse_args(argv[1:])

    if args.command == "side-by-side":
        if len(args.paths) > 2:
            fail("side-by-side takes one twin, or an English lesson and its twin")
        english_path, twin_path = pair(args.paths)
        for path in (english_path, twin_path):
            if not os.path.exists(path):
                fail(f"{path}: no such file")
        english, _ = load(english_path)
        twin, _ = load(twin_path)
        names = (os.path.basename(english_path), os.path.basename(twin_path))
        if args.html:
            with open(args.html, "w", encoding="utf-8") as f:
                f.write(side_by_side_html(english, twin, names, check(english_path, twin_path)))
        else:
            sys.stdout.write(side_by_side_text(english, twin, names, args.width))
        return 0

    drifted = 0
    for twin_path in args.twins:
        if not os.path.exists(twin_path):
            fail(f"{twin_path}: no such file")
        english_path, _ = pair([twin_path])
        findings = check(english_path, twin_path)
        for cell, message in findings:
            print(f"{twin_path}: {'cell ' + str(cell) + ': ' if cell else ''}{message}")
        drifted += bool(findings)
    if drifted == 0:
        print(f"no drift found in {len(args.twins)} twin(s) (approximate; the drift test in dotnet test is the one that counts)")
    return 1 if drifted else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
