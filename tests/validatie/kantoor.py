"""LibreOffice headless, driven over Python-UNO, for the editing tests:
`with kantoor() as desktop:` starts a private LibreOffice (own profile,
own pipe) and stops it afterwards.

Needs Debian's python3-uno (tools/installeer-validatie installs it).
"""

import contextlib
import os
import subprocess
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue

# The component context of the running LibreOffice, for the services a
# script needs besides the desktop (the dispatcher).
CONTEXT = None


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


@contextlib.contextmanager
def kantoor():
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
        global CONTEXT
        CONTEXT = remote
        yield desktop
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
