"""PySide6 reads the source of every module imported after it, to learn whether the module uses
PySide6 (its `__feature__` switches). It reads through `inspect.getsource`, which keeps every line
of every such module in `linecache` for the life of the process: about 45 MiB on the running app
(measured 282 -> 236 MiB resident with Listings open on the large shop).

`read_sources_without_keeping_them` puts the same question to the file's bytes instead, so
nothing is kept. It changes nothing when PySide6 no longer has that hook (a later version), and
modules without a `.py` file (the frozen bundle, builtins) keep PySide6's own answer.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"
HOOK = "_mod_uses_pyside"


def read_sources_without_keeping_them() -> bool:
    """Install the lighter scan; True when PySide6's hook was found and replaced."""
    import PySide6  # noqa: F401  (loads shibokensupport and its import hook)

    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, HOOK, None)
    if feature is None or not callable(original) or getattr(original, "_ecdesk", False):
        return False
    setattr(feature, HOOK, _file_scan(original))
    return True


def _file_scan(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside._ecdesk = True  # type: ignore[attr-defined]
    return uses_pyside
