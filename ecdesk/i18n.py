"""Translation of the words services write for the user, without Qt.

Views translate with Qt (`self.tr`, .ts/.qm catalogues). Services, the CLI and the reports run
without Qt, so their messages go through `_` here: stdlib gettext over the compiled catalogues
`resources/translations/<language>/LC_MESSAGES/<area>.mo`, one per capability so that
capabilities built side by side do not edit one file. The English text is the message id.

    raise ValidationError([Problem(field, _("Row {row}: price {value!r} is not a number")
                                   .format(row=row, value=value))])

Text held in module-level constants is marked with `N_` (for the extractor) and translated with
`_` where it is shown, because the language is chosen after modules are imported.

The process language is set once at start (`set_language`); a report written in another
language wraps its work in `with language("en"):`. The override is a context variable, so a
report on a worker thread does not change what the window's own messages read: a thread starts
with the process language and sets its own override if it needs one.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (CHINESE, ENGLISH)

_process_language = ENGLISH
_override: ContextVar[str | None] = ContextVar("ecdesk_language", default=None)


def _(message: str) -> str:
    """`message` in the current language (itself when it has no translation)."""
    return _catalogue(current_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _catalogue(current_language()).ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 (gettext's conventional name)
    """Marks a constant for extraction; translate it with `_` where it is shown."""
    return message


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
