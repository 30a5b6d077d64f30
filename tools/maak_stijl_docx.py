"""Maakt templates/stijl.docx: het referentiedocument met de Word-stijlen
van de DOCX-uitvoer (zoals pandoc --reference-doc).

Eenmalig gebruikt om het bestand te maken; redacteuren passen daarna
stijl.docx gewoon in Word aan (Stijlen > Wijzigen) en slaan het op.

    pip install python-docx && python3 tools/maak_stijl_docx.py
"""
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

BLAUW = RGBColor(0x15, 0x42, 0x73)
ACCENT = RGBColor(0x00, 0x7B, 0xC7)
GRIJS = RGBColor(0x4A, 0x4A, 0x4A)
FONT = "Noto Sans"

d = Document()
st = d.styles


def font(style, size=None, bold=None, italic=None, color=None):
    f = style.font
    f.name = FONT
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        if rfonts.get(qn(attr)) is not None:
            del rfonts.attrib[qn(attr)]
    if size:
        f.size = Pt(size)
    if bold is not None:
        f.bold = bold
    if italic is not None:
        f.italic = italic
    if color is not None:
        f.color.rgb = color


normal = st["Normal"]
font(normal, 10)
normal.paragraph_format.space_after = Pt(6)
normal.paragraph_format.line_spacing = 1.15

for name, size, before, after in (("Heading 1", 18, 0, 12), ("Heading 2", 13, 18, 6), ("Heading 3", 11, 14, 4)):
    s = st[name]
    font(s, size, True, False, BLAUW)
    s.paragraph_format.space_before = Pt(before)
    s.paragraph_format.space_after = Pt(after)
    s.paragraph_format.keep_with_next = True
st["Heading 1"].paragraph_format.page_break_before = True

font(st["Title"], 26, True, False, BLAUW)
font(st["Subtitle"], 14, False, False, ACCENT)
font(st["Caption"], 8.5, False, False, GRIJS)
# Bijschriften zoals in de PDF: gecentreerd, niet cursief.
st["Caption"].paragraph_format.alignment = 1
font(st["TOC Heading"], 18, True, False, BLAUW)
font(st["Header"], 8, False, False, GRIJS)
font(st["Footer"], 8, False, False, GRIJS)
font(st["List Paragraph"], 10)

link = st.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
link.font.color.rgb = ACCENT
link.font.underline = True

d.add_paragraph(
    "Dit document bevat de stijlen van de DOCX-voortgangsrapportage. "
    "Wijzig hier lettertypen, kleuren en afstanden van de stijlen (Normaal, "
    "Kop 1-3, Titel, Ondertitel, Bijschrift, Koptekst, Voettekst) en sla op; "
    "de inhoud van dit document wordt niet gebruikt."
)
d.core_properties.title = "Stijlen voor techniekpact"
d.core_properties.author = "techniekpact"
d.save("templates/stijl.docx")
