"""Read a PDF back with tools we did not write (poppler's pdftotext), or skip saying why."""

import shutil
import subprocess

import pytest


def pdf_text(pdf: bytes, *, layout: bool = False) -> str:
    """The text poppler extracts from `pdf` (what a screen reader or a search would get)."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext not installed (Debian poppler-utils)")
    options = ["-layout"] if layout else []
    result = subprocess.run(
        ["pdftotext", "-q", *options, "-", "-"], input=pdf, capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")
