"""What each kind of stock movement is called (the stored word is `MovementKind`'s value)."""

from __future__ import annotations

from ecdesk.i18n import N_, NC_

KIND_LABELS = {"received": NC_("stock movement", "Received"), "sold": N_("Sold"),
               "returned": N_("Returned"),
               "adjusted": N_("Adjusted"), "counted": N_("Counted (stocktake)"),
               "written_off": N_("Written off"), "supplier_return": N_("Returned to supplier")}
