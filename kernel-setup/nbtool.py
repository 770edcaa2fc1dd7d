"""Notebook authoring and linting for the course (nbformat 4.5, kernelspec dgmlab, outputs cleared).

  python3 nbtool.py new  SOURCE.md OUT.ipynb   # build a notebook from a cell-marked text file
  python3 nbtool.py normalize NB.ipynb [...]   # clear outputs, set metadata/ids, keep everything else
  python3 nbtool.py lint [--json] NB.ipynb [...]   # check the course's notebook rules; exit 1 on a violation

Cell-marked text: cells are separated by marker lines
  %% md                       a markdown cell
  %% code                     a code cell
  %% code tags=figure,slow    a code cell with tags (`figure`: the cell must produce a figure)
  %% md slide=slide          slide type: slide | subslide | fragment | skip | notes | -
Everything up to the next marker is the cell's source (trailing blank lines trimmed).

Lint rules (tests/notebooks/lint.test.ts runs them on every notebook under notebooks/):
  valid nbformat 4.5 (nbformat.validate); every cell has an id; no outputs and no execution counts;
  kernelspec name 'dgmlab'; the first cell is markdown, starts with '# ' (a title) and has a line starting
  with '**Source' or 'Source:' (the citation).
"""
import hashlib
import json
import re
import sys

import nbformat

KERNELSPEC = {"name": "dgmlab", "display_name": "TypeScript (dgmlab)", "language": "typescript"}
LANGUAGE_INFO = {"name": "typescript", "file_extension": ".ts", "mimetype": "text/typescript"}
MARKER = re.compile(r"^%%\s*(md|markdown|code)\b(.*)$")


def normalize(nb):
    nb.nbformat, nb.nbformat_minor = 4, 5
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = dict(LANGUAGE_INFO)
    for k in ("widgets",):
        nb.metadata.pop(k, None)
    seen = set()
    for i, cell in enumerate(nb.cells):
        if not cell.get("id") or cell["id"] in seen:
            cell["id"] = f"c{i:03d}-" + hashlib.sha1(cell.source.encode()).hexdigest()[:8]
        seen.add(cell["id"])
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)
    return nb


def new_from_text(text):
    nb = nbformat.v4.new_notebook()
    cells = []
    kind, meta, buf = None, {}, []

    def flush():
        if kind is None:
            return
        src = "\n".join(buf).strip("\n")
        cell = nbformat.v4.new_markdown_cell(src) if kind == "md" else nbformat.v4.new_code_cell(src)
        cell.metadata.update(meta)
        cells.append(cell)

    for line in text.split("\n"):
        m = MARKER.match(line)
        if m:
            flush()
            kind = "md" if m.group(1) in ("md", "markdown") else "code"
            meta, buf = {}, []
            for opt in m.group(2).split():
                key, _, val = opt.partition("=")
                if key == "tags":
                    meta["tags"] = [t for t in val.split(",") if t]
                elif key == "slide":
                    meta["slideshow"] = {"slide_type": val}
                else:
                    raise SystemExit(f"nbtool: unknown cell option {opt!r} in line {line!r}")
        else:
            if kind is None:
                if line.strip():
                    raise SystemExit("nbtool: text before the first '%% md' or '%% code' marker")
                continue
            buf.append(line)
    flush()
    nb.cells = cells
    for i, c in enumerate(nb.cells):
        c["id"] = f"cell-{i:03d}"
    return normalize(nb)


def lint(path):
    problems = []
    try:
        raw = json.load(open(path, encoding="utf-8"))
    except Exception as e:
        return [f"not JSON: {e}"]
    if raw.get("nbformat") != 4 or raw.get("nbformat_minor", 0) < 5:
        problems.append(f"nbformat must be 4.5 (got {raw.get('nbformat')}.{raw.get('nbformat_minor')})")
    try:
        nb = nbformat.reads(json.dumps(raw), as_version=4)
        nbformat.validate(nb)
    except Exception as e:
        problems.append(f"invalid nbformat: {str(e).splitlines()[0]}")
        return problems
    ks = raw.get("metadata", {}).get("kernelspec", {})
    if ks.get("name") != "dgmlab":
        problems.append(f"kernelspec name must be 'dgmlab' (got {ks.get('name')!r})")
    for i, cell in enumerate(raw.get("cells", [])):
        if not cell.get("id"):
            problems.append(f"cell {i} has no id")
        if cell.get("cell_type") == "code":
            if cell.get("outputs"):
                problems.append(f"cell {i} has outputs (commit notebooks with outputs cleared)")
            if cell.get("execution_count") is not None:
                problems.append(f"cell {i} has an execution count")
    cells = raw.get("cells", [])
    if not cells or cells[0].get("cell_type") != "markdown":
        problems.append("the first cell must be a markdown title cell")
    else:
        src = "".join(cells[0].get("source", ""))
        if not src.startswith("# "):
            problems.append("the first cell must start with a '# ' title")
        if not re.search(r"^(\*\*Source|Source:|\*\*Sources|Sources:)", src, re.M):
            problems.append("the title cell must cite its source on a line starting with '**Source' or 'Source:'")
    return problems


def main(argv):
    if len(argv) < 2:
        raise SystemExit(__doc__)
    cmd, rest = argv[1], argv[2:]
    if cmd == "new":
        src, out = rest
        nbformat.write(new_from_text(open(src, encoding="utf-8").read()), out)
        print(f"wrote {out}")
    elif cmd == "normalize":
        for p in rest:
            nbformat.write(normalize(nbformat.read(p, as_version=4)), p)
    elif cmd == "lint":
        as_json = "--json" in rest
        paths = [p for p in rest if p != "--json"]
        report = {p: lint(p) for p in paths}
        if as_json:
            print(json.dumps(report))
        else:
            for p, probs in report.items():
                for pr in probs:
                    print(f"{p}: {pr}")
        sys.exit(1 if any(report.values()) else 0)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
