"""Edits a report's ODT as an editor does in LibreOffice (Python-UNO): a
new chapter (style Heading 1) before chapter 2, and a new table with a
caption (the word "Tabel", the sequence field of the captions and the text,
as Insert Caption writes it) before the first table; then updates all
fields and indexes (Extra > Bijwerken > Alles bijwerken) and saves it as
PDF.

Usage: /usr/bin/python3 bewerk_odt.py IN.odt OUT.pdf

Needs Debian's python3-uno (tools/installeer-validatie installs it).
"""

import sys

import kantoor as kantoor_module
from kantoor import kantoor, prop, url

PARAGRAPH_BREAK = 0


def paragraphs(doc):
    e = doc.getText().createEnumeration()
    while e.hasMoreElements():
        p = e.nextElement()
        if p.supportsService("com.sun.star.text.Paragraph"):
            yield p


def paragraph_before(doc, para, style):
    """A new empty paragraph in `style` just before `para`; its cursor."""
    text = doc.getText()
    cursor = text.createTextCursorByRange(para.getStart())
    text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
    cursor.gotoPreviousParagraph(False)
    cursor.setPropertyValue("ParaStyleName", style)
    return cursor


def main():
    src, out = sys.argv[1:3]
    with kantoor() as desktop:
        doc = desktop.loadComponentFromURL(url(src), "_blank", 0, (prop("Hidden", True),))
        text = doc.getText()
        chapters = [p for p in paragraphs(doc) if p.ParaStyleName == "Heading 1"]
        cursor = paragraph_before(doc, chapters[1], "Heading 1")
        text.insertString(cursor, "Nieuw hoofdstuk", False)

        caption = next(
            p for p in paragraphs(doc)
            if p.ParaStyleName == "Caption" and p.getString().startswith("Tabel")
        )
        # The table first, just before the old caption; then the new
        # caption before the new table.
        table = doc.createInstance("com.sun.star.text.TextTable")
        table.initialize(2, 2)
        text.insertTextContent(text.createTextCursorByRange(caption.getStart()), table, False)
        for cell, value in (("A1", "Kolom"), ("B1", "Waarde"), ("A2", "Nieuwe rij"), ("B2", "1")):
            table.getCellByName(cell).setString(value)
        # The caption goes after the paragraph the new table follows, as a
        # paragraph of its own.
        new = None
        e = text.createEnumeration()
        previous = None
        while e.hasMoreElements():
            element = e.nextElement()
            if element.supportsService("com.sun.star.text.TextTable") and element.getName() == table.getName():
                new = previous
                break
            previous = element
        cursor = text.createTextCursorByRange(new.getEnd())
        text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        cursor.setPropertyValue("ParaStyleName", "Caption")
        text.insertString(cursor, "Tabel ", False)
        field = doc.createInstance("com.sun.star.text.TextField.SetExpression")
        master = doc.getTextFieldMasters().getByName(
            "com.sun.star.text.fieldmaster.SetExpression.Tabel")
        field.attachTextFieldMaster(master)
        field.Content = "Tabel+1"
        field.NumberingType = 4
        text.insertTextContent(cursor, field, False)
        text.insertString(cursor, ": Nieuwe tabel", False)

        # Extra > Bijwerken > Alles bijwerken, as the editor chooses it.
        dispatcher = kantoor_module.CONTEXT.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", kantoor_module.CONTEXT)
        frame = doc.getCurrentController().getFrame()
        for command in (".uno:UpdateFields", ".uno:UpdateAll"):
            dispatcher.executeDispatch(frame, command, "", 0, ())
        doc.getTextFields().refresh()
        indexes = doc.getDocumentIndexes()
        for i in range(indexes.getCount()):
            indexes.getByIndex(i).update()
        doc.getTextFields().refresh()
        doc.refresh()
        doc.storeToURL(url(out), (prop("FilterName", "writer_pdf_Export"),))
        doc.close(True)


if __name__ == "__main__":
    main()
