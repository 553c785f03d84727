"""ecdesk's icon for windows, dialogs and the taskbar (the installers use the .ico / .icns)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from ecdesk.config import resource_path


def app_icon() -> QIcon:
    """Every size in resources/icons, so that Qt picks a drawn one rather than scaling.

    A null icon when the files are missing (a broken install): the window still opens, and
    `--selftest` reports it.
    """
    icon = QIcon()
    for path in sorted(resource_path("icons").glob("ecdesk-*.png")):
        icon.addFile(str(path))
    return icon
