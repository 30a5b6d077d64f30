"""Measures how full every page of a report's PDF is: the share of the
text frame's height from its top to the bottom of the last thing drawn in
it (text, lines, pictures), with PyMuPDF.

Usage: vulling.py [--leeg] [--breuk WOORDEN]... FILE.pdf

With --leeg only a page with nothing in its text frame is a finding (a
blank page in LibreOffice's rendering of a DOCX: only its header and
footer), and every page but the title page is measured.

A page may be emptier when the next one begins with a chapter that begins
a page on purpose (the first chapter after the contents, the appendices):
give the first words of each such heading with --breuk. The title page
(page 1) and the last page are not measured.

Prints one JSON object: {"file", "pages", "fill": [per page, 0-1 or null],
"chars_per_line": the median characters of the body text's lines (10 pt,
full lines), "findings": [...]} and exits 1 when a page other than those is
more than a third empty.
"""

import json
import sys

import pymupdf

CM = 72 / 2.54
TOP, BOTTOM = 2.6 * CM, 2.4 * CM
MOST_EMPTY = 1 / 3


def bottom_of_content(page):
    frame = pymupdf.Rect(0, TOP, page.rect.width, page.rect.height - BOTTOM)
    lowest = None
    for x0, y0, x1, y1, word, *_ in page.get_text("words"):
        if word.strip() and y0 >= frame.y0 - 2 and y1 <= frame.y1 + 2:
            lowest = y1 if lowest is None else max(lowest, y1)
    for d in page.get_drawings():
        r = d["rect"]
        if r.y0 >= frame.y0 - 2 and r.y1 <= frame.y1 + 2 and r.height < frame.height * 0.95:
            lowest = r.y1 if lowest is None else max(lowest, r.y1)
    for info in page.get_image_info():
        r = pymupdf.Rect(info["bbox"])
        if r.y0 >= frame.y0 - 2 and r.y1 <= frame.y1 + 2:
            lowest = r.y1 if lowest is None else max(lowest, r.y1)
    if lowest is None:
        return 0.0
    return (lowest - frame.y0) / frame.height


def first_words(page):
    frame = pymupdf.Rect(0, TOP, page.rect.width, page.rect.height - BOTTOM)
    words = [w for w in page.get_text("words") if w[3] > frame.y0 and w[1] < frame.y1]
    words.sort(key=lambda w: (round(w[1]), w[0]))
    return " ".join(w[4] for w in words[:8])


def body_line_lengths(doc):
    """Characters of every full line of body text (10 pt), wrapped lines
    only: a paragraph's last line is shorter."""
    lengths = []
    for page in list(doc)[1:]:
        for block in page.get_text("dict")["blocks"]:
            lines = [l for l in block.get("lines", []) if l["spans"] and all(abs(s["size"] - 10) < 0.3 for s in l["spans"])]
            for line in lines[:-1]:
                lengths.append(sum(len(s["text"]) for s in line["spans"]))
    lengths.sort()
    return lengths[len(lengths) // 2] if lengths else 0


def main(args):
    breaks = []
    blank_only = False
    while args and args[0] in ("--breuk", "--leeg"):
        if args[0] == "--leeg":
            blank_only = True
            args = args[1:]
            continue
        breaks.append(args[1])
        args = args[2:]
    path = args[0]
    doc = pymupdf.open(path)
    fill, findings = [], []
    n = len(doc)
    for i, page in enumerate(doc, start=1):
        if i == 1 or (i == n and not blank_only):
            fill.append(None)
            continue
        f = bottom_of_content(page)
        fill.append(round(f, 3))
        if blank_only:
            if f == 0.0:
                findings.append(f"page {i}: nothing but the header and footer")
            continue
        next_starts = first_words(doc[i]) if i < n else ""
        on_purpose = any(b in next_starts for b in breaks)
        if f < 1 - MOST_EMPTY and not on_purpose:
            findings.append(f"page {i}: {f:.0%} of the text frame is used; next page starts with {next_starts[:60]!r}")
    print(json.dumps({"file": path, "pages": n, "fill": fill, "chars_per_line": body_line_lengths(doc), "findings": findings}, ensure_ascii=False))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
