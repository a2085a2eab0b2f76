"""Render the app icon from resources/icons/sfjwt-gui.svg into what each OS wants: PNGs (16…1024), .ico, .icns.

Run with a Python that has PySide6 (QtSvg renders the SVG) and Pillow (writes .ico and .icns):
    python packaging/icons.py OUT_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

SVG = Path(__file__).resolve().parents[1] / "resources" / "icons" / "sfjwt-gui.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_pngs(out: Path) -> dict[int, Path]:
    """Render the SVG at every size in ``PNG_SIZES``; returns size -> file."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["icons", "-platform", "offscreen"])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"icons: {SVG} is not a valid SVG")
    files = {}
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        files[size] = out / f"sfjwt-gui-{size}.png"
        if not image.save(str(files[size])):
            raise SystemExit(f"icons: could not write {files[size]}")
    return files


def main(argv: list[str]) -> int:
    """Write PNGs, sfjwt-gui.ico and sfjwt-gui.icns into OUT_DIR."""
    from PIL import Image

    out = Path(argv[1] if len(argv) > 1 else "packaging/build/icons")
    out.mkdir(parents=True, exist_ok=True)
    pngs = render_pngs(out)
    biggest = Image.open(pngs[max(PNG_SIZES)])
    # each size rendered from the SVG (sharper than Pillow's downscaling), largest first
    ico_images = [Image.open(pngs[s]) for s in sorted(ICO_SIZES, reverse=True)]
    ico_images[0].save(out / "sfjwt-gui.ico", sizes=[(s, s) for s in ICO_SIZES], append_images=ico_images[1:])
    biggest.save(out / "sfjwt-gui.icns")  # Pillow writes the 16…1024 icns set from the 1024 px image
    for name in ("sfjwt-gui.ico", "sfjwt-gui.icns"):
        print(f"icons: {out / name} ({(out / name).stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
