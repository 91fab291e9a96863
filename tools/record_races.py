"""Record the mode-collapse page's measured races for its instant replay: ``python tools/record_races.py``.

Trains each preset named (default: ring8-remedy, the plain GAN against PacGAN; grid25-remedy, against
minibatch std) for its ``Preset.steps`` iterations on the CPU with one thread, reading both runs every
``--every`` iterations, and writes ``ganviz/files/races/<preset>.safetensors`` (``ganviz.files.races``).
The same command on the same machine writes the same file; on another CPU the float rounding, and so the
run, may differ. Prints each file's size and the runs' final modes and HQ share.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch  # noqa: E402

from ganviz.files.races import FOLDER, recording_path, record_race, save_recording  # noqa: E402
from ganviz.lessons.presets import PRESETS  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("presets", nargs="*", default=["ring8-remedy", "grid25-remedy"])
    parser.add_argument("--every", type=int, default=400, help="iterations between frames (default: %(default)s)")
    parser.add_argument("--steps", type=int, default=0, help="iterations (default: the preset's own)")
    args = parser.parse_args()
    torch.set_num_threads(1)
    FOLDER.mkdir(exist_ok=True)
    for name in args.presets:
        start = time.perf_counter()
        recording = record_race(PRESETS[name], args.every, args.steps or None,
                                progress=lambda step: print(f"{name}: step {step:,}", file=sys.stderr, flush=True))
        data = save_recording(recording)
        recording_path(name).write_bytes(data)
        ends = ", ".join(f"{run} {rows[-1]['modes']} modes HQ {rows[-1]['hq']:.2f}" for run, rows in recording.rows.items())
        print(f"{recording_path(name).name}: {len(data):,} bytes, {len(recording)} frames to step "
              f"{recording.step(-1):,} in {time.perf_counter() - start:.0f} s; {ends}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
