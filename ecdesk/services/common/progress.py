"""How long work reports how far it is: progress(done, total) -> False to cancel."""

from __future__ import annotations

from collections.abc import Callable

# An import reports bytes read of the file size, then rows written of rows to write: two passes,
# each from 0 to its total. A report reports steps. Returning False asks the work to stop.
Progress = Callable[[int, int], bool]
