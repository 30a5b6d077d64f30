"""Edits a report's DOCX as an editor does in Word, with python-docx: a new
chapter (style Heading 1) before chapter 2, and a new table with a caption
(the word, a SEQ field and the text, as Word's Insert Caption writes it)
before the first table, a new appendix before appendix A (its heading
copied from appendix A's, as an editor copies a heading with its field, and
given a new title), and at the end paragraphs that have only the style List
Bullet or List Number.

Usage: bewerk.py IN.docx OUT.docx
"""

import copy
import sys

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def run_with(tag, text):
    """A run holding one `w:t` or `w:instrText` with `text`."""
    r = OxmlElement("w:r")
    t = OxmlElement(tag)
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


def run(text):
    return run_with("w:t", text)


def instr(text):
    return run_with("w:instrText", text)


def field_char(kind):
    r = OxmlElement("w:r")
    f = OxmlElement("w:fldChar")
    f.set(qn("w:fldCharType"), kind)
    r.append(f)
    return r


def main():
    doc = Document(sys.argv[1])
    chapters = [p for p in doc.paragraphs if p.style.name == "Heading 1"]
    chapters[1].insert_paragraph_before("Nieuw hoofdstuk", style="Heading 1")
    first_caption = next(
        p for p in doc.paragraphs if p.style.name == "Caption" and p.text.startswith("Tabel")
    )
    caption = first_caption.insert_paragraph_before("", style="Caption")
    for r in [run("Tabel "), field_char("begin"), instr(" SEQ Tabel \\* ARABIC "),
              field_char("separate"), run("1"), field_char("end"), run(": Nieuwe tabel")]:
        caption._p.append(r)
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Kolom"
    table.cell(0, 1).text = "Waarde"
    table.cell(1, 0).text = "Nieuwe rij"
    table.cell(1, 1).text = "1"
    # Word puts the new table under its caption.
    caption._p.addnext(table._tbl)
    # A new appendix before appendix A: its heading is appendix A's, with
    # the letter's SEQ field, a new title, and without the bookmark (Word
    # keeps a bookmark's name once).
    appendix = next(
        p for p in doc.paragraphs if p.style.name == "Heading 1" and p.text.startswith("Bijlage A")
    )
    new = copy.deepcopy(appendix._p)
    for b in new.findall(qn("w:bookmarkStart")) + new.findall(qn("w:bookmarkEnd")):
        new.remove(b)
    texts = new.findall(".//" + qn("w:t"))
    texts[-1].text = " Nieuwe bijlage"
    appendix._p.addprevious(new)
    # Paragraphs with nothing but a list style, at the end.
    doc.add_paragraph("Punt met alleen de stijl", style="List Bullet")
    doc.add_paragraph("Stap met alleen de stijl", style="List Number")
    doc.add_paragraph("Tweede stap met alleen de stijl", style="List Number")
    doc.save(sys.argv[2])


if __name__ == "__main__":
    main()
