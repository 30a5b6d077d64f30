"""Opens stijl.docx in LibreOffice (Python-UNO) as an editor without Word
does, changes only the paragraph style Heading 1 (colour and size, as in
Opmaak > Stijlen > Kop 1 > Bewerken), and saves it as Word 2007-365 (.docx).

Usage: /usr/bin/python3 stijl_opslaan.py IN.docx OUT.docx [RRGGBB]
Without a colour the file is only opened and saved again.

Needs Debian's python3-uno (tools/installeer-validatie installs it).
"""

import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    src, out = (os.path.abspath(a) for a in sys.argv[1:3])
    colour = sys.argv[3] if len(sys.argv) > 3 else None
    pipe = f"techniekpact{os.getpid()}"
    profile = tempfile.mkdtemp(prefix="lo-profiel-")
    office = subprocess.Popen([
        "soffice", "--headless", "--invisible", "--nologo", "--norestore",
        f"-env:UserInstallation=file://{profile}",
        f"--accept=pipe,name={pipe};urp;",
    ])
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        remote = None
        for _ in range(300):
            try:
                remote = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.1)
        desktop = remote.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", remote)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0,
                                           (prop("Hidden", True),))
        if colour:
            paragraph_styles = doc.getStyleFamilies().getByName("ParagraphStyles")
            heading = paragraph_styles.getByName("Heading 1")
            heading.CharColor = int(colour, 16)
            heading.CharHeight = 20.0
        doc.storeToURL(uno.systemPathToFileUrl(out), (prop("FilterName", "MS Word 2007 XML"),))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
