#!/usr/bin/env python3
"""Checks that the core's areas include only from layers below them (CONTRIBUTING.md, "Layers").

    util <- {hcl, jwt} <- model <- {secrets, saveback} <- net <- run <- trace <- export

An area may include its own headers and those of any area on a lower layer; areas on the same layer do
not include each other. ui/ and app/ sit above the whole core and are not checked here (the core cannot
include them: it does not link them). Prints every offending #include as file:line and exits 1 when there
is one; ctest runs it as `layers`.
"""
import pathlib
import re
import sys

LAYERS = [["util"], ["hcl", "jwt"], ["model"], ["secrets", "saveback"], ["net"], ["run"], ["trace"], ["export"]]
RANK = {area: rank for rank, areas in enumerate(LAYERS) for area in areas}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z0-9_]+)/')


def self_test() -> int:
    """The check must fail on a tree with an include that points up, and pass on one without."""
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        (root / "src/util").mkdir(parents=True)
        (root / "src/net").mkdir(parents=True)
        (root / "src/net/a.cpp").write_text('#include "util/b.h"\n#include "net/a.h"\n')
        (root / "src/util/b.h").write_text("#pragma once\n")
        if check(root, quiet=True) != 0:
            print("self-test: a downward include was refused")
            return 1
        (root / "src/util/b.h").write_text('#pragma once\n#include "net/a.h"\n')
        if check(root, quiet=True) != 1:
            print("self-test: an upward include util -> net was not found")
            return 1
    print("self-test: ok")
    return 0


def main() -> int:
    if sys.argv[1:2] == ["--self-test"]:
        return self_test()
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[1])
    return check(root)


def check(root: pathlib.Path, quiet: bool = False) -> int:
    src = root / "src"
    problems = []
    for path in sorted(src.rglob("*")):
        if path.suffix not in (".h", ".cpp") or not path.is_file():
            continue
        area = path.relative_to(src).parts[0]
        if area not in RANK:
            problems.append(f"{path.relative_to(root)}: area '{area}' has no layer; add it to LAYERS and CONTRIBUTING.md")
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            match = INCLUDE.match(line)
            if not match:
                continue
            target = match.group(1)
            if target == area:
                continue
            if target not in RANK:
                problems.append(f"{path.relative_to(root)}:{number}: includes unknown area '{target}'")
            elif RANK[target] >= RANK[area]:
                how = "the same layer" if RANK[target] == RANK[area] else "a layer above"
                problems.append(f"{path.relative_to(root)}:{number}: {area} includes {target}/ from {how}: {line.strip()}")
    if quiet:
        return 1 if problems else 0
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} include(s) against the layer order " +
              " <- ".join("{" + ", ".join(a) + "}" if len(a) > 1 else a[0] for a in LAYERS))
        return 1
    print("layers: every include points down")
    return 0


if __name__ == "__main__":
    sys.exit(main())
