"""The command line's language: `--lang`, else the environment's (LC_ALL, LC_MESSAGES, LANG).

Chosen before the parser is built, because every command's help is translated as it is added.
argparse's own words ("usage:", "options", "invalid choice: …") come from the standard library's
gettext domain, which ships no Chinese: argparse is pointed at ecdesk's catalogues instead, and
the words it says to a person are listed below so that they are extracted and translated.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from ecdesk import i18n
from ecdesk.i18n import N_

ARGPARSE_WORDS = (
    N_("usage: "), N_("positional arguments"), N_("options"),
    N_("show this help message and exit"), N_("show program's version number and exit"),
    N_("the following arguments are required: %s"), N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"), N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"), N_("expected at least one argument"),
    N_("expected at most one argument"), N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"), N_("one of the arguments %s is required"),
    N_("ignored explicit argument %r"),
)


def requested_language(argv: Sequence[str]) -> str:
    """`--lang zh_CN` / `--lang=en` on the command line, else the environment's language; an
    unknown code is left for the parser to refuse in words (its choices list the known ones)."""
    arguments = list(argv)
    for index, argument in enumerate(arguments):
        if argument == "--lang" and index + 1 < len(arguments):
            value = arguments[index + 1]
        elif argument.startswith("--lang="):
            value = argument.split("=", 1)[1]
        else:
            continue
        if value in i18n.LANGUAGES:
            return value
    return i18n.environment_language()


def settle_cli_language(argv: Sequence[str]) -> str:
    code = requested_language(argv)
    i18n.set_language(code)
    argparse._ = i18n._  # type: ignore[attr-defined]  # argparse reads its module globals
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]
    return code
