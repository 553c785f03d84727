"""Every string a person reads has its Chinese: the catalogues under resources/translations are
complete (nothing extracted from the code is untranslated), current (what the code says, no
more, no less) and compiled (the committed .mo/.qm are what the .po/.ts compile to)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ecdesk import translation_catalogues as catalogues
from ecdesk.i18n import CHINESE, ENGLISH, _, environment_language, language, set_language


@pytest.fixture(scope="module")
def problems() -> list[str]:
    return catalogues.problems()


def test_every_catalogue_is_current_complete_and_compiled(problems: list[str]) -> None:
    assert not problems, ("run `python bootstrap.py translations` and fill in the Chinese "
                          "(resources/translations/README.md):\n" + "\n".join(problems))


def test_a_service_message_reads_in_the_chosen_language() -> None:
    with language(CHINESE):
        assert _("Not a translated message") == "Not a translated message"
    assert catalogues.mo_bytes(CHINESE, {"Yes": ["是"]}).startswith(b"\xde\x12\x04\x95")


def test_a_compiled_catalogue_is_read_by_gettext(tmp_path: Path) -> None:
    import gettext

    mo = tmp_path / "x.mo"
    mo.write_bytes(catalogues.mo_bytes(CHINESE, {"Orders": ["订单"], ("{n} order", "{n} orders"):
                                                 ["{n} 个订单"]}))
    with mo.open("rb") as handle:
        translations = gettext.GNUTranslations(handle)
    assert translations.gettext("Orders") == "订单"
    assert translations.ngettext("{n} order", "{n} orders", 3) == "{n} 个订单"


def test_placeholders_must_survive_translation() -> None:
    assert catalogues._same_placeholders("Row {row}: {value}", ["第 {row} 行：{value}"])
    assert not catalogues._same_placeholders("Row {row}: {value}", ["第 {行} 行：{value}"])
    assert not catalogues._same_placeholders("%1 of %2", ["%1"])


def test_strings_are_extracted_from_calls_to_the_markers_only(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text('A = N_("Kept")\nB = _("Also " "kept")\nC = ngettext("one", "many", 2)\n'
                      'D = _(f"{A} not kept")\nE = print("not kept")\n', encoding="utf-8")
    assert catalogues.extract_python([source]) == {"Kept", "Also kept", ("one", "many")}


def test_each_capability_has_its_own_catalogue() -> None:
    package = catalogues.PACKAGE
    assert catalogues.python_area(package / "services" / "stock" / "alerts.py") == "stock"
    assert catalogues.python_area(package / "services" / "channels.py") == "channels"
    assert catalogues.python_area(package / "cli" / "reports.py") == "cli_reports"
    assert catalogues.python_area(package / "errors.py") == "ecdesk"
    assert catalogues.python_area(package / "views" / "stock" / "alerts_page.py") is None


def test_the_cli_follows_the_environment_language() -> None:
    assert environment_language({"LANG": "zh_CN.UTF-8"}) == CHINESE
    assert environment_language({"LC_ALL": "C", "LANG": "zh_TW.UTF-8"}) == CHINESE
    assert environment_language({"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}) == ENGLISH
    assert environment_language({}) == ENGLISH


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="ecdesk speaks"):
        set_language("fr")
