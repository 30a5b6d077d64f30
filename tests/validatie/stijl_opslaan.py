"""Opens stijl.docx in LibreOffice (Python-UNO) as an editor without Word
does, changes only the paragraph style Heading 1 (colour and size, as in
Opmaak > Stijlen > Kop 1 > Bewerken), and saves it as Word 2007-365 (.docx).

Usage: /usr/bin/python3 stijl_opslaan.py IN.docx OUT.docx [RRGGBB]
Without a colour the file is only opened and saved again.

Needs Debian's python3-uno (tools/installeer-validatie installs it).
"""

import sys

from kantoor import kantoor, prop, url


def main():
    src, out = sys.argv[1:3]
    colour = sys.argv[3] if len(sys.argv) > 3 else None
    with kantoor() as desktop:
        doc = desktop.loadComponentFromURL(url(src), "_blank", 0, (prop("Hidden", True),))
        if colour:
            heading = doc.getStyleFamilies().getByName("ParagraphStyles").getByName("Heading 1")
            heading.CharColor = int(colour, 16)
            heading.CharHeight = 20.0
        doc.storeToURL(url(out), (prop("FilterName", "MS Word 2007 XML"),))
        doc.close(True)


if __name__ == "__main__":
    main()
