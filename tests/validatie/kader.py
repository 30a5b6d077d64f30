"""Checks that a reader sees everything on the page: every word of a PDF
lies inside the page's text frame or in the running header/footer band,
and nothing (text, drawing, image) is drawn off the page.

Usage: kader.py [--blad] FILE.pdf...

With --blad the PDFs are a spreadsheet as printed (the invulblad): no
header or footer, so on every page every word lies at least 0,8 cm from
the edge, as on a report's title page.

Words are read unclipped with PyMuPDF (a clip far beyond the page, without
the media-box clip), so words drawn off the page count too; `pdftotext`
silently drops them. The frame is that of the report's pages (A4, margins
2,6 cm top, 2,4 cm bottom, 4,6 cm left and 2,4 cm right; the same in the
PDF and in the DOCX that LibreOffice renders), widened to the left by the
column of 1,3 cm in the left margin that holds the headings' numbers; the
header and footer bands lie between the page edge (0,8 cm) and the frame. The title page (page 1) has
no header or footer: there every word lies at least 0,8 cm from the edge.

Prints one JSON object per file on stdout:

    {"file": ..., "pages": N, "outside": N, "findings": ["page 5: 'word' at x 60-540, y -12-0", ...]}

and exits 1 when any file has a finding. The files are checked on every
core (`over_cores.py`), largest first; the lines come in the order they
finish.
"""

import sys

import pymupdf

import over_cores

CM = 72 / 2.54
TOP, BOTTOM, EDGE = 2.6 * CM, 2.4 * CM, 0.8 * CM
LEFT, RIGHT = (4.6 - 1.3) * CM, 2.4 * CM
# A word's box is the font's line box: wider than its letters by a little,
# taller by the font's ascender and descender room. A word on the frame's
# edge may stick out by SLACK sideways and by a third of its box's height
# above or below.
SLACK = 2.0
EVERYWHERE = pymupdf.Rect(-1e5, -1e5, 1e5, 1e5)


def words(page):
    flags = pymupdf.TEXTFLAGS_WORDS & ~pymupdf.TEXT_MEDIABOX_CLIP
    return page.get_text("words", clip=EVERYWHERE, flags=flags)


SHEET = False


def placed(page_number, rect, x0, y0, x1, y1):
    w, h = rect.width, rect.height
    room = max(SLACK, (y1 - y0) / 3)
    y0, y1 = y0 + room - SLACK, y1 - room + SLACK
    if page_number == 1 or SHEET:
        return x0 >= EDGE - SLACK and x1 <= w - EDGE + SLACK and y0 >= EDGE - SLACK and y1 <= h - EDGE + SLACK
    across = x0 >= LEFT - SLACK and x1 <= w - RIGHT + SLACK
    frame = y0 >= TOP - SLACK and y1 <= h - BOTTOM + SLACK
    header = y0 >= EDGE - SLACK and y1 <= TOP + SLACK
    footer = y0 >= h - BOTTOM - SLACK and y1 <= h - EDGE + SLACK
    return across and (frame or header or footer)


def check(path):
    doc = pymupdf.open(path)
    findings = []
    for n, page in enumerate(doc, start=1):
        rect = page.rect
        for x0, y0, x1, y1, word, *_ in words(page):
            if not word.strip():
                continue
            if not placed(n, rect, x0, y0, x1, y1):
                findings.append(f"page {n}: {word!r} at x {x0:.1f}-{x1:.1f}, y {y0:.1f}-{y1:.1f}")
        inside = pymupdf.Rect(rect.x0 - SLACK, rect.y0 - SLACK, rect.x1 + SLACK, rect.y1 + SLACK)
        for d in page.get_drawings():
            r = d["rect"]
            if not r.is_empty and not inside.contains(r):
                findings.append(f"page {n}: a drawing at {tuple(round(v, 1) for v in r)} runs off the page")
        for info in page.get_image_info():
            r = pymupdf.Rect(info["bbox"])
            if not inside.contains(r):
                findings.append(f"page {n}: an image at {tuple(round(v, 1) for v in r)} runs off the page")
    return {"pages": len(doc), "outside": len(findings), "findings": findings}


def check_one(path):
    return [check(path)]


def main(paths):
    global SHEET
    if paths and paths[0] == "--blad":
        SHEET, paths = True, paths[1:]
    return over_cores.run(check_one, paths, "outside")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
