"""Mode-collapse numbers: the published ones we compare with, and ours.

Published rows (modes covered and % high-quality samples, 2,500 samples per
run, high quality = within 3 std of the nearest mode) are quoted as the
project's issue reads them from:

* Srivastava et al. (2017), "VEEGAN: Reducing Mode Collapse in GANs using
  Implicit Variational Learning", NeurIPS, Table 1 (arXiv:1705.07761);
  averaged over 5 runs; ring of 8 Gaussians and grid of 25.
* Lin et al. (2018), "PacGAN: The power of two samples in generative
  adversarial networks", NeurIPS, Table 1 (arXiv:1712.04086); 10 runs.

The protocol and PacGAN's setup were checked against the authors' project
pages and code, but the table cells themselves could not be read from this
machine (images in the repositories, PDFs unreachable), so each row says
"verified here: no" (what was searched, and where: see results/).

Our own rows come from ``results/compare_<target>.json``, written by
``python -m ganviz compare --preset <target> --seeds 0-9 --json`` (then one
process per method, their outputs joined; ``compare --out FILE`` now writes such
a file in one command, on every core; the commands and the machine are stored in
the file), so they can be re-measured.

The tables' column names, our methods' names and ``measured_line`` are in the
current language (``ganviz.i18n.t``; English on the command line); the quoted
sources, methods and numbers stay as published.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..i18n import t

RESULTS = Path(__file__).resolve().parents[2] / "results"

VEEGAN = "Srivastava et al. 2017 (VEEGAN), Table 1"
PACGAN = "Lin et al. 2018 (PacGAN), Table 1"

PUBLISHED = [
    # method, source, ring modes (of 8), ring HQ %, grid modes (of 25), grid HQ %
    ("GAN", VEEGAN, 1.0, 99.3, 3.3, 0.5),
    ("Unrolled GAN (5 steps)", VEEGAN, 7.6, 35.6, 23.6, 16.0),
    ("VEEGAN", VEEGAN, 8.0, 52.9, 24.6, 40.0),
    ("GAN", PACGAN, 6.3, 98.2, 17.3, 94.8),
    ("PacGAN2", PACGAN, 7.9, 95.6, 23.8, 91.3),
    ("PacGAN4", PACGAN, 7.8, 95.9, 24.8, 93.6),
]


def published_table() -> list[dict]:
    """The published rows, one dict per method and paper."""
    method, source = t("mode_collapse.col.method"), t("mode_collapse.col.source")
    verified = t("mode_collapse.col.verified")
    ring_modes, ring_hq = t("mode_collapse.col.modes", target="ring8"), t("mode_collapse.col.hq", target="ring8")
    grid_modes, grid_hq = t("mode_collapse.col.modes", target="grid25"), t("mode_collapse.col.hq", target="grid25")
    return [
        {method: m, source: src, ring_modes: rm, ring_hq: rq, grid_modes: gm, grid_hq: gq,
         verified: t("mode_collapse.col.unverified")}
        for m, src, rm, rq, gm, gq in PUBLISHED
    ]


def load_results(target: str) -> dict | None:
    """The summary of ``results/compare_<target>.json``, or None if it has not been measured."""
    path = RESULTS / f"compare_{target}.json"
    if not path.exists():
        return None
    lines = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    summaries = [line for line in lines if line.get("summary")]
    return summaries[-1] if summaries else None


def measured_table() -> list[dict]:
    """Our rows: per method, mean modes and HQ % over seeds on ring8 and grid25 (blank where not measured)."""
    rows: dict[str, dict] = {}
    for target, n in (("ring8", 8), ("grid25", 25)):
        summary = load_results(target)
        for method, stats in (summary or {}).get("methods", {}).items():
            row = rows.setdefault(method, {t("mode_collapse.col.method"): method_label(method, stats)})
            row[t("mode_collapse.col.modes", target=target)] = round(stats["modes_mean"], 1)
            row[t("mode_collapse.col.hq", target=target)] = round(100 * stats["hq_mean"], 1)
            runs = len(stats["modes"])
            row[t("mode_collapse.col.runs_with", target=target, what="8/8" if n == 8 else "≥23")] = (
                f"{sum(m >= (8 if n == 8 else 23) for m in stats['modes'])}/{runs}")
            if "all_modes_good" in stats:
                row[t("mode_collapse.col.all_good", target=target)] = f"{stats['all_modes_good']}/{runs}"
    return list(rows.values())


def method_label(method: str, stats: dict | None = None) -> str:
    """The name of our method ``method`` (a key of ``remedies.METHODS``) in the current language.

    A method the catalogues do not know keeps the label stored with its results (else its key).
    """
    try:
        return t(f"mode_collapse.method.{method}.label")
    except KeyError:
        return (stats or {}).get("label", method)


def measured_line(target: str, method: str) -> str:
    """One sentence on ``method``'s measured row for ``target`` (e.g. for a preset's caption), or "" if not measured."""
    summary = load_results(target)
    stats = (summary or {}).get("methods", {}).get(method)
    if stats is None:
        return ""
    runs, n_modes = len(stats["modes"]), summary.get("n_modes", max(stats["modes"]))
    return t("mode_collapse.measured_line", runs=runs, steps=f"{summary['steps']:,}",
             modes=f"{stats['modes_mean']:.1f}", n_modes=n_modes, hq=f"{100 * stats['hq_mean']:.0f}",
             good=stats.get("all_modes_good", 0))
