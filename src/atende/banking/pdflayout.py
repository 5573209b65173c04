"""Text that fits its box by measured width: shrink, wrap, and only then cut with "…".

Widths come from the embedded font's metrics (`pdffont.text_width`), never from a count of
characters: "WWWW" and "iiii" are not the same width, and neither are "Ærøskøbing" and a name
in capitals. A batch repeats most texts on every page (labels, the beneficiary, dates), so a
line's fit is cached.
"""

import math
from collections.abc import Iterable
from functools import lru_cache

from atende.banking.pdffont import text_width

ELLIPSIS = "…"
STEP = 0.25  # points: how much smaller each try is


def _sizes(size: float, min_size: float) -> Iterable[float]:
    current = size
    while current > min_size:
        yield current
        current = round(current - STEP, 2)
    yield min_size


def cut_to_width(text: str, font: str, size: float, width: float) -> str:
    """`text` as it is when it fits, else its longest start that fits followed by "…"."""
    if text_width(text, font, size) <= width:
        return text
    low, high = 0, len(text)  # binary search on the measured width of text[:n] + "…"
    while low < high:
        middle = (low + high + 1) // 2
        if text_width(text[:middle].rstrip() + ELLIPSIS, font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS


@lru_cache(maxsize=1024)  # ~0.3 MB; labels, beneficiary and dates repeat on each page
def fit_line(
    text: str, font: str, size: float, width: float, min_size: float = 5.0
) -> tuple[str, float]:
    """One line: the largest size (in steps of `STEP` down to `min_size`) at which it fits;
    cut with "…" at `min_size`. Width grows linearly with the size: one measurement."""
    natural = text_width(text, font, size)
    if natural <= width:
        return text, size
    fitting = size * width / natural
    current = size - math.ceil(round((size - fitting) / STEP, 6)) * STEP
    if current >= min_size:
        return text, round(current, 2)
    return cut_to_width(text, font, min_size, width), min_size


def _break_word(word: str, font: str, size: float, width: float) -> list[str]:
    """A word wider than the line, in pieces that each fit (a long e-mail or URL)."""
    pieces: list[str] = []
    piece = ""
    for char in word:
        if piece and text_width(piece + char, font, size) > width:
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece] if piece else pieces


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap by measured width; words wider than a line are broken."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, font, size) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        if text_width(word, font, size) <= width:
            line = word
        else:
            *full, line = _break_word(word, font, size, width)
            lines += full
    if line:
        lines.append(line)
    return lines


LEADING = 1.2  # line height as a multiple of the font size


def fit_paragraphs(
    paragraphs: Iterable[str],
    font: str,
    size: float,
    width: float,
    height: float,
    min_size: float = 5.0,
) -> tuple[list[str], float]:
    """Paragraphs wrapped to `width` in lines of `LEADING` × size that fill at most `height`,
    at the largest size down to `min_size` that holds them all; at `min_size` the last line
    kept ends with "…"."""
    texts = [text for text in paragraphs if text.strip()]
    lines: list[str] = []
    for current in _sizes(size, min_size):
        capacity = max(1, int(height / (current * LEADING)))
        lines = [line for text in texts for line in wrap(text, font, current, width)]
        if len(lines) <= capacity:
            return lines, current
    kept = lines[: max(1, int(height / (min_size * LEADING)))]
    kept[-1] = cut_to_width(kept[-1] + " " + ELLIPSIS, font, min_size, width)
    return kept, min_size
