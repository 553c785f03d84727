"""What every import preview says of its problems: errors block, warnings do not."""

from __future__ import annotations

from collections.abc import Sequence

from ecdesk.errors import Problem


class PreviewProblems:
    """Mixed into a preview that has `problems`: which of them are errors."""

    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)


def problem_lines(problems: Sequence[Problem], max_problems: int | None = None) -> list[str]:
    """The problems of a preview, one a line, errors and warnings counted first."""
    if not problems:
        return ["Problems: none"]
    errors = sum(1 for problem in problems if problem.is_error)
    lines = [f"Problems: {errors} error(s), {len(problems) - errors} warning(s)"]
    shown = problems if max_problems is None else problems[:max_problems]
    for problem in shown:
        kind = "error" if problem.is_error else "warning"
        lines.append(f"  {kind}: {problem}")
    if len(shown) < len(problems):
        lines.append(f"  ... and {len(problems) - len(shown)} more")
    return lines
