"""Numbers, money, percentages, dates and times on screen, written the window language's way.

Every view writes what a person reads through these functions, never through `f"{x:,}"`,
`strftime` or `isoformat()`: QLocale (its default is set from the language at start, by
views/shell/languages.install_language) chooses the digits' grouping, the decimal point, the
percent and minus signs, and the order of day, month and year.

The rule for money: an amount is a Decimal and never becomes a float on its way to the screen.
It is rounded (ROUND_HALF_UP, as money.py rounds) to its places in Decimal, and only its whole
part, an exact integer, goes through `QLocale.toString`; its decimals are appended after the
locale's decimal point. The currency's sign is the one the reports print (Babel's CLDR data
through ecdesk.i18n.currency_sign, so `¥` in Chinese and `CN¥` in English for CNY), placed where
QLocale's currency pattern puts it. Services, the CLI and the reports format with Babel
(ecdesk.i18n), which writes the same conventions without Qt.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from ecdesk.i18n import currency_sign

_SIGN_MARK = "\u00a4"  # CLDR's currency placeholder, standing for the sign in QLocale's pattern
NO_VALUE = "—"


def integer(value: int) -> str:
    """1,234,567 (grouped the language's way)."""
    return QLocale().toString(int(value))


def decimal(value: Decimal | int, places: int | None = 2) -> str:
    """1,234.50 with exactly `places` decimals (None: as many as the Decimal has), from the
    Decimal's own digits."""
    locale = QLocale()
    if places is None:
        places = max(0, -int(Decimal(value).as_tuple().exponent))
    exponent = Decimal(1).scaleb(-places)
    rounded = Decimal(value).quantize(exponent, rounding=ROUND_HALF_UP)
    whole, _, fraction = format(abs(rounded), "f").partition(".")
    text = locale.toString(int(whole)) + (locale.decimalPoint() + fraction if places else "")
    return locale.negativeSign() + text if rounded < 0 else text


def amount(value: Decimal | None, currency: str = "") -> str:
    """¥1,234.50 with the currency's sign; 1,234.50 without a currency; "" for no amount."""
    if value is None:
        return ""
    text = decimal(value)
    negative = text.startswith(QLocale().negativeSign())
    number = text.removeprefix(QLocale().negativeSign()) if negative else text
    if currency:  # (QLocale writes a negative amount in brackets: "-¥12.00" reads plainer)
        pattern = QLocale().toCurrencyString(1, _SIGN_MARK)
        number = pattern.replace("1", number, 1).replace(_SIGN_MARK, currency_sign(currency))
    return QLocale().negativeSign() + number if negative else number


def percent(rate: Decimal | None, places: int = 1) -> str:
    """30.5% for Decimal("0.305"); "" for no rate."""
    if rate is None:
        return ""
    return decimal(Decimal(rate) * 100, places) + QLocale().percent()


def day(value: date | None) -> str:
    """A calendar day, the language's short way with the whole year: 12/7/2026, 2026/12/7."""
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), date_pattern())


def time_of_day(moment: datetime, zone: tzinfo) -> str:
    """A moment's time on the shop's clock: 8:38 PM, 20:38."""
    local = moment.astimezone(zone)
    return QLocale().toString(QTime(local.hour, local.minute),
                              QLocale.FormatType.ShortFormat)


def stamp(moment: datetime | None, zone: tzinfo | None) -> str:
    """A moment's day and time on the shop's clock: 12/7/2026 8:38 PM, 2026/12/7 20:38."""
    if moment is None:
        return ""
    local = moment.astimezone(zone)
    qt_moment = QDateTime(QDate(local.year, local.month, local.day),
                          QTime(local.hour, local.minute))
    return QLocale().toString(qt_moment, date_time_pattern())


def date_pattern() -> str:
    """The `day` pattern, for a QDateEdit's displayFormat: M/d/yyyy, yyyy/M/d."""
    return _whole_year(QLocale().dateFormat(QLocale.FormatType.ShortFormat))


def date_time_pattern() -> str:
    """The `stamp` pattern, for a QDateTimeEdit's displayFormat."""
    return _whole_year(QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat))


def _whole_year(pattern: str) -> str:
    """The short pattern with a four-digit year: a shop's records span decades (12/7/26 could
    be 1926 to an accountant)."""
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")
