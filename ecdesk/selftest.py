"""`ecdesk --selftest`: does this installation work? One line of answer, exit code 0 or 1.

Off screen and away from the user's data, it makes a demo shop in a temporary folder, opens it in
the main window and shows every page, writes a PDF report, and checks the file's integrity and
links. CI runs it on the frozen bundle, where a module or a resource that PyInstaller missed
shows up here rather than on a customer's computer.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ecdesk import __version__
from ecdesk.config import is_frozen, settle_bundle_environment
from ecdesk.errors import EcdeskError
from ecdesk.i18n import _, format_decimal, format_integer

EXIT_OK, EXIT_FAILURE = 0, 1


class SelftestError(Exception):
    def __init__(self, step: str, reason: str) -> None:
        super().__init__(f"{step}: {reason}")
        self.step, self.reason = step, reason


@dataclass(frozen=True)
class SelftestResult:
    skus: int
    pages: tuple[str, ...]
    report: Path
    seconds: float

    def line(self) -> str:
        """The answer in the language the selftest runs in (`--lang zh_CN --selftest`)."""
        where = _("installed bundle") if is_frozen() else _("source")
        return _("ecdesk {version} selftest OK ({where}, {seconds} s): demo shop with {skus} "
                 "SKUs, main window with {count} pages ({pages}), report {report} with its "
                 "font embedded, database integrity and links OK").format(
            version=__version__, where=where, seconds=format_decimal(self.seconds, 1),
            skus=format_integer(self.skus), count=format_integer(len(self.pages)),
            pages=_(", ").join(self.pages), report=self.report.name)


def run_selftest() -> int:
    """The --selftest command: print one line, return the exit code."""
    folder = Path(tempfile.mkdtemp(prefix="ecdesk-selftest-"))
    # Window settings and the log go to the temporary folder too, never the user's data folder;
    # no screen is needed (CI has none) and none is used where there is one.
    os.environ["ECDESK_DATA_DIR"] = str(folder / "data")
    settle_bundle_environment()  # again: matplotlib's cache follows the data folder
    if not os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        result = check_installation(folder)
    except SelftestError as failure:
        print(_("ecdesk {version} selftest FAILED at {step}: {reason}").format(
            version=__version__, step=failure.step, reason=failure.reason), file=sys.stderr)
        return EXIT_FAILURE
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(result.line())
    return EXIT_OK


def check_installation(folder: Path) -> SelftestResult:
    """Every check, in `folder` (which must exist); SelftestError names the first that fails."""
    started = time.perf_counter()
    shop = folder / "selftest-shop.ecdesk"
    with _step(_("creating the demo shop")):
        from ecdesk.services.demo.shop import create_demo_shop

        skus = create_demo_shop(shop, scale="small", seed=1).variants
    with _step(_("the main window")):
        from ecdesk.views.shell.selftest_window import open_every_page

        pages = tuple(open_every_page(shop))
    with _step(_("the PDF report")):
        report = write_sample_report(shop, folder)
        data = report.read_bytes()
        if not data.startswith(b"%PDF-"):
            raise EcdeskError(_("{name} is not a PDF").format(name=report.name))
        if b"/FontFile2" not in data:  # the TrueType font reportlab embeds for Chinese text
            raise EcdeskError(
                _("{name} has no embedded font: readers may show boxes").format(name=report.name)
            )
    with _step(_("checking the database")):
        from ecdesk.services.shop_file.backups import integrity_problems

        problems = integrity_problems(shop)
        if problems:
            raise EcdeskError(
                _("{problems_count} problem(s), the first: {problems}").format(
                    problems_count=len(problems), problems=problems[0]
                )
            )
    return SelftestResult(skus, pages, report, time.perf_counter() - started)


def write_sample_report(shop: Path, folder: Path) -> Path:
    """Write the demo shop's sales report for last month into `folder`; return its path.

    The self-test then checks that the file is a PDF; on the frozen bundle this proves that
    pandas, matplotlib, reportlab and the embedded font made it in.
    """
    from zoneinfo import ZoneInfo

    from ecdesk.db import open_database
    from ecdesk.services.common.period import last_month
    from ecdesk.services.common.shop_time import shop_today
    from ecdesk.services.reports import ReportRequest, generate_report
    from ecdesk.services.settings import get_settings

    out = folder / "selftest-sales-report.pdf"
    db = open_database(shop)
    try:
        zone = ZoneInfo(get_settings(db.uow("selftest")).timezone)
        generate_report(db.uow("selftest"), ReportRequest("sales", last_month(shop_today(zone)),
                                                          out))
    finally:
        db.close()
    return out


@contextmanager
def _step(name: str) -> Iterator[None]:
    """Turn any error in a step into a SelftestError naming the step and where it came from."""
    try:
        yield
    except EcdeskError as error:  # already worded for people
        raise SelftestError(name, str(error).replace("\n", " ")) from error
    except Exception as error:
        frames = traceback.extract_tb(error.__traceback__)
        where = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
        raise SelftestError(name, f"{type(error).__name__}: {error}{where}") from error
