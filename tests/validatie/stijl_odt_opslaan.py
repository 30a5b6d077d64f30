"""Opens stijl.odt in LibreOffice (Python-UNO) as an editor does, changes
the paragraph style Heading 1 (colour and size, as in Stijlen > Kop 1 >
Stijl bewerken) and adds a paragraph style Kader (centred, on Text body)
when a colour is given, and saves it as an ODF text (.odt) or, for an
output ending in .ott, as an ODF text template.

Usage: /usr/bin/python3 stijl_odt_opslaan.py IN.odt OUT.odt|OUT.ott [RRGGBB [FONT]]
Without a colour the file is only opened and saved again; with a font,
Kader is set in it.

Needs Debian's python3-uno (tools/installeer-validatie installs it).
"""

import sys

from kantoor import kantoor, prop, url
from com.sun.star.style.ParagraphAdjust import CENTER


def main():
    src, out = sys.argv[1:3]
    colour = sys.argv[3] if len(sys.argv) > 3 else None
    with kantoor() as desktop:
        doc = desktop.loadComponentFromURL(url(src), "_blank", 0, (prop("Hidden", True),))
        if colour:
            paragraphs = doc.getStyleFamilies().getByName("ParagraphStyles")
            heading = paragraphs.getByName("Heading 1")
            heading.CharColor = int(colour, 16)
            heading.CharHeight = 20.0
            kader = doc.createInstance("com.sun.star.style.ParagraphStyle")
            paragraphs.insertByName("Kader", kader)
            kader.ParentStyle = "Text body"
            kader.ParaAdjust = CENTER
            if len(sys.argv) > 4:
                kader.CharFontName = sys.argv[4]
        template = out.endswith(".ott")
        doc.storeToURL(url(out), (prop("FilterName", "writer8_template" if template else "writer8"),))
        doc.close(True)


if __name__ == "__main__":
    main()
