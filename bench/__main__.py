"""Run every benchmark module in this folder (`*_bench.py`, each with a main()).

Usage: python -m bench [NAME ...]   e.g. python -m bench nlp
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import bench


def main(argv: list[str]) -> int:
    names = sorted(m.name for m in pkgutil.iter_modules(bench.__path__) if m.name.endswith("_bench"))
    wanted = [n for n in names if not argv or n.removesuffix("_bench") in argv]
    if not wanted:
        print(f"no benchmark matches {argv}; there are: {', '.join(n.removesuffix('_bench') for n in names)}",
              file=sys.stderr)
        return 2
    for name in wanted:
        print(f"== {name.removesuffix('_bench')} ==", flush=True)
        importlib.import_module(f"bench.{name}").main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
