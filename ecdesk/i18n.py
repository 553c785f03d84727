"""Translation of the words services write for the user, without Qt.

Views translate with Qt (`self.tr`, .ts/.qm catalogues). Services, the CLI and the reports run
without Qt, so their messages go through `_` here: stdlib gettext over the compiled catalogues
`resources/translations/<language>/LC_MESSAGES/<area>.mo`, one per capability so that
capabilities built side by side do not edit one file. The English text is the message id.

    raise ValidationError([Problem(field, _("Row {row}: price {value!r} is not a number")
                                   .format(row=row, value=value))])

Text held in module-level constants is marked with `N_` (for the extractor) and translated with
`_` where it is shown, because the language is chosen after modules are imported.

All areas' catalogues are chained, so one English text has one Chinese everywhere. Where the
same English means different things ("New" customer vs "New" ticket, "Received" stock vs a
received purchase order), give it a context: `pgettext("stock movement", "Received")`, or for
a constant `NC_("stock movement", "Received")`, which `_` then translates in its context (the
tests fail when one English text has two Chinese without one).

The process language is set once at start (`set_language`); a report written in another
language wraps its work in `with language("en"):`. The override is a context variable, so a
report on a worker thread does not change what the window's own messages read: a thread starts
with the process language and sets its own override if it needs one.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from decimal import Decimal
from functools import cache

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (CHINESE, ENGLISH)
LANGUAGE_NAMES = {CHINESE: "简体中文", ENGLISH: "English"}  # each in its own language
# The locale whose conventions (digits, dates, currency signs) each language writes with.
_BABEL_LOCALES = {CHINESE: "zh_Hans_CN", ENGLISH: "en_US"}

_process_language = ENGLISH
_override: ContextVar[str | None] = ContextVar("ecdesk_language", default=None)


def _(message: str) -> str:
    """`message` in the current language (itself when it has no translation); a constant
    marked with NC_ in its context."""
    if isinstance(message, ContextualText):
        return pgettext(message.context, message)
    return _catalogue(current_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _catalogue(current_language()).ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 (gettext's conventional name)
    """Marks a constant for extraction; translate it with `_` where it is shown."""
    return message


def pgettext(context: str, message: str) -> str:
    """`message` as meant in `context`, in the current language."""
    return _catalogue(current_language()).pgettext(context, message)


class ContextualText(str):
    """English text that carries the context it is translated in (see NC_)."""

    context: str

    def __new__(cls, context: str, message: str) -> ContextualText:
        text = super().__new__(cls, message)
        text.context = context
        return text


def NC_(context: str, message: str) -> str:  # noqa: N802 (gettext's conventional name)
    """Marks a constant with its context; `_` translates it in that context where shown."""
    return ContextualText(context, message)


def current_language() -> str:
    return _override.get() or _process_language


def set_language(code: str) -> None:
    """The language of this process (the GUI at start, the CLI from --lang or the environment)."""
    global _process_language
    _process_language = _checked(code)


@contextmanager
def language(code: str) -> Iterator[None]:
    """Messages written inside the block read in `code` (a report in the accountant's language)."""
    token = _override.set(_checked(code))
    try:
        yield
    finally:
        _override.reset(token)


def language_of_locale(name: str | None) -> str | None:
    """zh_CN for a Chinese locale name (zh_CN.UTF-8, zh-Hans, zh_TW…), en for any other, None
    for no name or the C/POSIX locale (which says nothing about the person)."""
    if not name or name.split(".")[0] in ("C", "POSIX"):
        return None
    return CHINESE if name.lower().startswith("zh") else ENGLISH


def environment_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for, as gettext reads it (LC_ALL, LC_MESSAGES, LANG)."""
    environ = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        found = language_of_locale(environ.get(variable))
        if found:
            return found
    return ENGLISH


# --- numbers, money and dates in the current language (Babel; views use QLocale) ----------------

def babel_locale(code: str | None = None) -> str:
    return _BABEL_LOCALES[code or current_language()]


def format_integer(value: int) -> str:
    """1,234 (grouped the language's way)."""
    from babel.numbers import format_decimal

    return format_decimal(value, format="#,##0", locale=babel_locale())


def format_decimal(value: Decimal | float, places: int = 2) -> str:
    """1,234.50 with `places` decimals."""
    from babel.numbers import format_decimal as babel_format_decimal

    pattern = "#,##0" + ("." + "0" * places if places else "")
    return babel_format_decimal(value, format=pattern, locale=babel_locale(),
                                decimal_quantization=True)


def format_money(amount: Decimal, currency: str) -> str:
    """¥1,234.50 / US$1,234.50: the currency's sign as the language writes it."""
    from babel.numbers import format_currency

    return format_currency(amount, currency, locale=babel_locale())


def currency_sign(code: str) -> str:
    """¥ for CNY in Chinese, CN¥ in English, $ for USD in English: the sign amounts carry."""
    from babel.numbers import get_currency_symbol

    return get_currency_symbol(code, locale=babel_locale())


def currency_label(code: str) -> str:
    """How a report names its currency: the code in English (CNY), the sign and the code in
    Chinese (¥ CNY), as sellers read amounts there."""
    if current_language() == ENGLISH:
        return code
    symbol = currency_sign(code)
    return f"{symbol} {code}" if symbol != code else code


def format_percent(value: Decimal | float, places: int = 1) -> str:
    """12.5% for 0.125."""
    from babel.numbers import format_percent as babel_format_percent

    pattern = "#,##0" + ("." + "0" * places if places else "") + "%"
    return babel_format_percent(value, format=pattern, locale=babel_locale())


def format_date(day: date, length: str = "medium") -> str:
    """5 Mar 2026 the language's way (2026年3月5日); length is Babel's short/medium/long."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(day, length, locale=babel_locale())


def format_month(day: date) -> str:
    """November 2026 / 2026年11月."""
    from babel.dates import format_skeleton

    return format_skeleton("yMMMM", day, locale=babel_locale())


def format_datetime(moment: datetime, length: str = "medium") -> str:
    """A wall-clock time as it is given (already in the shop's zone), the language's way."""
    from babel.dates import format_datetime as babel_format_datetime

    return babel_format_datetime(moment, length, locale=babel_locale())


def _checked(code: str) -> str:
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; ecdesk speaks {', '.join(LANGUAGES)}")
    return code


@cache
def _catalogue(code: str) -> gettext.NullTranslations:
    """Every area's compiled catalogue for `code`, chained; English is the ids themselves."""
    chain: gettext.NullTranslations = gettext.NullTranslations()
    if code == ENGLISH:
        return chain
    from ecdesk.config import resource_path

    folder = resource_path("translations", code, "LC_MESSAGES")
    for mo in sorted(folder.glob("*.mo")) if folder.is_dir() else ():
        with mo.open("rb") as handle:
            chain.add_fallback(gettext.GNUTranslations(handle))
    return chain
