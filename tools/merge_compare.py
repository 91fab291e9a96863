"""Join the ``compare --json`` outputs of one experiment split over processes into one results file.

``compare`` runs one config at a time on one thread; to use two cores, run it
twice (e.g. ``--methods gan`` and ``--methods pacgan``), then

    .venv/bin/python tools/merge_compare.py results/compare_ring8.json a.jsonl b.jsonl [--markdown results/compare_ring8.md]

writes every run row and one summary recomputed from all of them
(``ganviz.lessons.compare.merge_summaries``), the file the mode-collapse page reads;
``--markdown`` also writes the summary as the Markdown table of ``compare --markdown``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from ganviz.lessons.compare import markdown_table, merge_summaries  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="the merged results file (JSON lines)")
    parser.add_argument("inputs", nargs="+", help="outputs of `python -m ganviz compare --json`")
    parser.add_argument("--markdown", help="also write the summary as a Markdown table to this file")
    args = parser.parse_args()
    files = [[json.loads(line) for line in Path(p).read_text().splitlines() if line.strip()] for p in args.inputs]
    try:
        rows, summary = merge_summaries(files)
    except ValueError as err:
        parser.error(str(err))
    Path(args.out).write_text("".join(json.dumps(line) + "\n" for line in [*rows, summary]))
    if args.markdown:
        runs = ", ".join(f"{method} {len(stats['seeds'])}" for method, stats in summary["methods"].items())
        head = (f"{summary['dist']}, {summary['steps']} iterations, seeds {', '.join(map(str, summary['seeds']))} "
                f"(runs: {runs}), 2,500 samples per run. Commands: " + "; ".join(f"`{c}`" for c in summary["command"])
                + f". Machine: {'; '.join(summary['machine'])}.")
        Path(args.markdown).write_text(f"{head}\n\n{markdown_table(summary['methods'], summary['n_modes'])}\n")
    print(f"merged {len(rows)} runs into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
