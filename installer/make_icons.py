"""Draw ecdesk's app icon and write it as PNGs, a Windows .ico and a macOS .icns.

    .venv/bin/python installer/make_icons.py      # rewrites resources/icons/

A rounded teal square with a white storefront (striped awning, window, door). Pillow (installed
with matplotlib) draws without anti-aliasing, so the art is drawn four times too large and scaled
down. The output is deterministic: run it again only when the design changes, and commit the files.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
MASTER = 1024  # the design grid; everything below is in these units
OVERSAMPLE = 4
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)  # the window icon and Linux; Qt picks the closest
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # what Windows asks for, up to the 256 "jumbo" icon

TOP, BOTTOM = (46, 184, 160), (22, 112, 138)  # teal to deep blue-green, top to bottom
WHITE = (255, 255, 255, 255)
AWNING = ((255, 112, 84, 255), (255, 200, 87, 255))  # coral and yellow: warm on the teal
SHADOW = (14, 84, 104, 255)  # solid: ImageDraw replaces pixels, it does not blend


def draw_master() -> Image.Image:
    """The icon at MASTER x MASTER pixels, anti-aliased."""
    size = MASTER * OVERSAMPLE
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    image.alpha_composite(_background(size))
    draw = ImageDraw.Draw(image)
    # The shop: a soft shadow, the body, then the awning over it.
    draw.rounded_rectangle(box(262, 470, 782, 842), radius=36 * OVERSAMPLE, fill=SHADOW)
    draw.rounded_rectangle(box(242, 440, 782, 812), radius=36 * OVERSAMPLE, fill=WHITE)
    _awning(draw)
    # Window (left) and door (right), cut back to the background colour's darker end.
    glass = (*BOTTOM, 255)
    draw.rounded_rectangle(box(300, 520, 540, 680), radius=18 * OVERSAMPLE, fill=glass)
    draw.rounded_rectangle(box(592, 520, 724, 812), radius=18 * OVERSAMPLE, fill=glass)
    draw.rectangle(box(592, 760, 724, 812), fill=glass)  # square foot: the door meets the floor
    draw.ellipse(box(690, 660, 710, 680), fill=WHITE)  # door knob
    return image.resize((MASTER, MASTER), Image.Resampling.LANCZOS)


def box(*coords: float) -> list[float]:
    """Design-grid coordinates on the oversampled canvas."""
    return [c * OVERSAMPLE for c in coords]


def _background(size: int) -> Image.Image:
    """A rounded square with a vertical gradient, leaving the margin macOS icons expect."""
    gradient = Image.new("RGBA", (1, size))
    for y in range(size):
        t = y / (size - 1)
        gradient.putpixel((0, y), (*(round(a + (b - a) * t) for a, b in zip(TOP, BOTTOM,
                                                                                  strict=True)),
                                   255))
    gradient = gradient.resize((size, size))
    mask = Image.new("L", (size, size), 0)
    margin, radius = 80 * OVERSAMPLE, 190 * OVERSAMPLE
    ImageDraw.Draw(mask).rounded_rectangle([margin, margin, size - margin, size - margin],
                                           radius=radius, fill=255)
    background = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    background.paste(gradient, (0, 0), mask)
    return background


def _awning(draw: ImageDraw.ImageDraw) -> None:
    """Five stripes, alternating coral and yellow, each ending in a half-circle scallop."""
    left, right, top, bottom, stripes = 212, 812, 250, 420, 5
    width = (right - left) / stripes
    draw.rounded_rectangle(box(left + 20, top - 40, right - 20, top + 10),
                           radius=24 * OVERSAMPLE, fill=WHITE)
    for i in range(stripes):
        x0, x1 = left + i * width, left + (i + 1) * width
        colour = AWNING[i % 2]
        draw.rectangle(box(x0, top, x1, bottom), fill=colour)
        draw.ellipse(box(x0, bottom - width / 2, x1, bottom + width / 2),
                     fill=colour)


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    master = draw_master()
    scaled = {s: master.resize((s, s), Image.Resampling.LANCZOS) for s in {*PNG_SIZES,
                                                                           *ICO_SIZES}}
    for s in PNG_SIZES:
        scaled[s].save(ICONS / f"ecdesk-{s}.png", optimize=True)
    ico = [scaled[s] for s in ICO_SIZES]
    ico[-1].save(ICONS / "ecdesk.ico", sizes=[(s, s) for s in ICO_SIZES], append_images=ico)
    master.save(ICONS / "ecdesk.icns")  # Pillow writes every size macOS uses, 16 to 1024
    print(f"Wrote {len(PNG_SIZES)} PNGs, ecdesk.ico and ecdesk.icns to {ICONS}")


if __name__ == "__main__":
    main()
