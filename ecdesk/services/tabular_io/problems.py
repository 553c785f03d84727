"""What every import preview says of its file and its problems: errors block, warnings do not."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

from ecdesk.errors import Problem
from ecdesk.i18n import _


class ReadFile(Protocol):
    """What every import's parsed file tells of how it was read."""

    path: str
    format_label: str
    format_confident: bool
    encoding: str
    file_error: bool


def by_row(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """Problems in the order of the file's rows (the file's own problems first)."""
    return tuple(sorted(problems, key=lambda p: p.row or 0))


def format_notes(parsed: ReadFile) -> list[str]:
    """A note for a preview whose file's format was a guess."""
    if parsed.format_confident or parsed.file_error:
        return []
    return [_("The format was not certain: read as {format}. Choose the format if this is "
              "wrong").format(format=parsed.format_label)]


def file_lines(parsed: ReadFile) -> list[str]:
    """The first lines of a preview as text: the file, its format and encoding."""
    lines = [_("File: {name}").format(name=Path(parsed.path).name)]
    if parsed.format_label:
        how = _("detected") if parsed.format_confident else _("best guess")
        lines.append(_("Format: {format} ({how}); encoding: {encoding}").format(
            format=parsed.format_label, how=how, encoding=parsed.encoding or "?"))
    return lines


class PreviewProblems:
    """Mixed into a preview that has `problems`: which of them are errors."""

    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)


def problem_lines(problems: Sequence[Problem], max_problems: int | None = None) -> list[str]:
    """The problems of a preview, one a line, errors and warnings counted first."""
    if not problems:
        return [_("Problems: none")]
    errors = sum(1 for problem in problems if problem.is_error)
    lines = [_("Problems: {errors} error(s), {warnings} warning(s)").format(
        errors=errors, warnings=len(problems) - errors)]
    shown = problems if max_problems is None else problems[:max_problems]
    for problem in shown:
        kind = _("error") if problem.is_error else _("warning")
        lines.append(f"  {kind}: {problem}")
    if len(shown) < len(problems):
        lines.append(_("  ... and {count} more").format(count=len(problems) - len(shown)))
    return lines
