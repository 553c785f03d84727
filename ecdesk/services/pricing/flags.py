"""What a preview row is flagged for; stored as bits in price_preview.flags."""

from __future__ import annotations

from enum import IntFlag

from ecdesk.i18n import N_, _


class Flag(IntFlag):
    BELOW_FLOOR = 1  # the margin after fees is under the floor (a clamp could not keep it)
    BELOW_COST = 2
    BIG_CHANGE = 4  # the price moves by more than the shop's threshold
    INCONSISTENT = 8  # the SKU's channels now differ by more than the shop's tolerance
    NO_PRICE = 16  # the rule could not price it (no cost, no base price, margin + fees >= 100 %)


FLAG_LABELS = {Flag.BELOW_FLOOR: N_("below margin floor"), Flag.BELOW_COST: N_("below cost"),
               Flag.BIG_CHANGE: N_("big change"), Flag.INCONSISTENT: N_("channels inconsistent"),
               Flag.NO_PRICE: N_("no price")}


def flag_names(flags: int) -> list[str]:
    """The flags set in `flags`, in words, in a fixed order."""
    return [_(label) for flag, label in FLAG_LABELS.items() if flags & flag]
