"""Make the Korean web font the app serves (ganviz/ui/fonts/noto-sans-kr) from Fontsource's npm package.

    npm pack @fontsource-variable/noto-sans-kr@5.3.1        # downloads the tarball, installs nothing
    python tools/make_korean_font.py fontsource-variable-noto-sans-kr-5.3.1.tgz

Keeps the slices (woff2 files split by unicode-range, variable weight 100-900)
that hold Hangul syllables or jamo, and writes ``faces.json``: each slice's file
and unicode-range, with code points below U+0250 (Latin) taken out of the
ranges, so that Latin text keeps Streamlit's own font and only Korean takes
Noto Sans KR. ``ganviz/ui/server.py`` serves the files and declares the faces as
Streamlit's ``theme.fontFaces``. The font is under the SIL Open Font License
1.1, copied beside the files as OFL.txt.
"""

from __future__ import annotations

import argparse
import json
import tarfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "ganviz" / "ui" / "fonts" / "noto-sans-kr"
HANGUL = ((0xAC00, 0xD7A3), (0x1100, 0x11FF), (0x3130, 0x318F))  # syllables, jamo, compatibility jamo
LATIN_END = 0x250


def ranges(text: str) -> list[tuple[int, int]]:
    """'U+ac00-ac0f,U+e8' -> [(0xac00, 0xac0f), (0xe8, 0xe8)]."""
    out = []
    for part in text.split(","):
        first, _, last = part.strip().upper().removeprefix("U+").partition("-")
        out.append((int(first, 16), int(last or first, 16)))
    return out


def without_latin(spans: list[tuple[int, int]]) -> str:
    kept = [(max(a, LATIN_END), b) for a, b in spans if b >= LATIN_END]
    return ",".join(f"U+{a:x}" + (f"-{b:x}" if b > a else "") for a, b in kept)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tarball", type=Path, help="fontsource-variable-noto-sans-kr-<version>.tgz (npm pack)")
    args = parser.parse_args()
    with tarfile.open(args.tarball) as tar:
        meta = json.load(tar.extractfile("package/package.json"))
        unicode = json.load(tar.extractfile("package/unicode.json"))
        OUT.mkdir(parents=True, exist_ok=True)
        for old in OUT.glob("*.woff2"):
            old.unlink()
        faces = []
        for key, text in unicode.items():
            slice_id = key.strip("[]")
            spans = ranges(text)
            if not slice_id.isdigit() or not any(a <= hi and b >= lo for a, b in spans for lo, hi in HANGUL):
                continue
            name = f"noto-sans-kr-{slice_id}-wght-normal.woff2"
            (OUT / name).write_bytes(tar.extractfile(f"package/files/{name}").read())
            faces.append({"file": name, "unicodeRange": without_latin(spans)})
        (OUT / "OFL.txt").write_bytes(tar.extractfile("package/LICENSE").read())
    (OUT / "faces.json").write_text(json.dumps({"family": "Noto Sans KR", "version": meta["version"],
                                                "weights": "100 900", "faces": faces}, indent=0) + "\n")
    size = sum(p.stat().st_size for p in OUT.glob("*.woff2"))
    print(f"{len(faces)} slices, {size / 1e6:.2f} MB, in {OUT}")


if __name__ == "__main__":
    main()
