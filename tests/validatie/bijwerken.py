"""Opens a DOCX in LibreOffice (Python-UNO), updates all fields and
indexes as an editor does (Extra > Bijwerken > Alles bijwerken), and saves
it as PDF.

Usage: /usr/bin/python3 bijwerken.py IN.docx OUT.pdf

Needs Debian's python3-uno (tools/installeer-validatie installs it).
"""

import sys

from kantoor import kantoor, prop, url


def main():
    src, out = sys.argv[1:3]
    with kantoor() as desktop:
        doc = desktop.loadComponentFromURL(url(src), "_blank", 0, (prop("Hidden", True),))
        doc.getTextFields().refresh()
        indexes = doc.getDocumentIndexes()
        for i in range(indexes.getCount()):
            indexes.getByIndex(i).update()
        doc.refresh()
        doc.storeToURL(url(out), (prop("FilterName", "writer_pdf_Export"),))
        doc.close(True)


if __name__ == "__main__":
    main()
