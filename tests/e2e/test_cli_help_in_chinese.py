"""`--lang zh_CN <command> --help` reads in Chinese: no option or subcommand left in English.

An untranslated help shows as a run of three or more English words ("print JSON" or
"ISO 8601, UTC" may stay: names and short codes are not sentences). The same check on the
English help must find such runs, or it would prove nothing.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
COMMANDS = (
    ("suppliers",), ("purchasing",), ("purchasing", "list"), ("purchasing", "suggest"),
    ("purchasing", "send"), ("purchasing", "close"), ("purchasing", "cancel"),
    ("purchasing", "receive"), ("purchasing", "return"), ("purchasing", "print"),
    ("price",), ("pricing",), ("pricing", "preview"), ("pricing", "apply"), ("pricing", "undo"),
    ("pricing", "history"), ("import", "market-prices"), ("import", "orders"),
    ("export", "orders"), ("tickets",),
)
# Every help in one process (a process per command would cost a second each on a busy machine).
PRINT_EVERY_HELP = """
import contextlib, io, json, sys
from ecdesk.cli import main
helps = {}
for command in json.loads(sys.argv[2]):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            main(["--lang", sys.argv[1], *command, "--help"])
        except SystemExit:
            pass
    helps[" ".join(command)] = out.getvalue()
print(json.dumps(helps, ensure_ascii=False))
"""
ENGLISH_SENTENCE = re.compile(r"[A-Za-z]+(?:'[a-z]+)?(?: [a-z]+(?:'[a-z]+)?){2,}")


def every_help(language: str) -> dict[str, str]:
    result = subprocess.run(
        [sys.executable, "-c", PRINT_EVERY_HELP, language, json.dumps(COMMANDS)], cwd=REPO_ROOT,
        capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def english_sentences(help_text: str) -> list[str]:
    """Runs of English words in the help after its usage block (the usage names options)."""
    _usage, _blank, rest = help_text.partition("\n\n")
    return ENGLISH_SENTENCE.findall(rest)


def test_every_purchasing_pricing_orders_and_tickets_help_reads_in_chinese() -> None:
    helps = every_help("zh_CN")
    assert sorted(helps) == sorted(" ".join(command) for command in COMMANDS)
    untranslated = {command: found for command, text in helps.items()
                    if (found := english_sentences(text))}
    assert untranslated == {}
    assert all("选项" in text for text in helps.values())


def test_the_check_finds_english_sentences_in_the_english_help() -> None:
    helps = every_help("en")
    assert all(english_sentences(text) for text in helps.values())
