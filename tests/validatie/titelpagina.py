"""Reads the title page of a PDF as a reader sees it: its lines of text
and its figures (by their alternative text), from top to bottom.

Usage: titelpagina.py FILE.pdf

Text lines come from PyMuPDF; figures from the tagged structure (pikepdf):
every Figure element on page 1 with its BBox and /Alt. Prints one JSON
list on stdout, top to bottom: ["line", "[figuur: alt]", ...].
"""

import json
import sys

import pikepdf
import pymupdf


def figures(path):
    """(top y, alt) of every Figure on page 1, y measured from the top."""
    pdf = pikepdf.open(path)
    first = pdf.pages[0].obj
    height = float(pdf.pages[0].mediabox[3])
    found = []

    def walk(e):
        if isinstance(e, pikepdf.Array):
            for c in e:
                walk(c)
            return
        if not isinstance(e, pikepdf.Dictionary) or "/S" not in e:
            return
        if str(e.S) == "/Figure" and e.get("/Pg") is not None and e.Pg.objgen == first.objgen:
            for a in e.get("/A", pikepdf.Array()):
                if "/BBox" in a:
                    top = height - float(a.BBox[3])
                    found.append((top, str(e.get("/Alt", ""))))
        k = e.get("/K")
        if k is not None:
            walk(k)

    walk(pdf.Root.StructTreeRoot.K)
    return found


def lines(path):
    """(top y, text) of every line on page 1."""
    page = pymupdf.open(path)[0]
    out = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            text = "".join(span["text"] for span in line["spans"]).strip()
            if text:
                out.append((line["bbox"][1], text))
    return out


def main():
    path = sys.argv[1]
    items = lines(path) + [(y, f"[figuur: {alt}]") for y, alt in figures(path)]
    items.sort(key=lambda item: item[0])
    print(json.dumps([text for _, text in items], ensure_ascii=False))


if __name__ == "__main__":
    main()
