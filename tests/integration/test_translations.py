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


def test_a_message_with_a_context_is_extracted_with_its_context(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text('A = NC_("stock movement", "Received")\n'
                      'B = pgettext("when", "Refunded")\nC = _("Received")\n', encoding="utf-8")
    assert catalogues.extract_python([source]) == {
        "stock movement\x04Received", "when\x04Refunded", "Received"}


def test_a_message_with_a_context_round_trips_through_the_catalogue(tmp_path: Path) -> None:
    po = tmp_path / "x.po"
    entries = {"stock movement\x04Received": ["入库"], "Received": ["已到货"]}
    catalogues.write_po(po, CHINESE, "x", set(entries), entries)
    assert 'msgctxt "stock movement"' in po.read_text(encoding="utf-8")
    assert catalogues.read_po(po) == entries


def test_one_english_text_translated_two_ways_needs_a_context() -> None:
    found = catalogues.translated_two_ways({
        "customers": {"New": ["新客户"], "Orders": ["订单"]},
        "tickets": {"New": ["新建"], "Orders": ["订单"], "ticket\x04Open": ["处理中"]},
        "files": {"file\x04Open": ["打开"]}})
    assert len(found) == 1 and found[0].startswith("'New' is translated 2 ways: ")


def test_the_same_english_reads_in_chinese_as_each_context_means_it() -> None:
    from ecdesk.i18n import pgettext
    from ecdesk.services.customers.segments import SEGMENT_LABELS
    from ecdesk.services.stock.movement_labels import KIND_LABELS
    from ecdesk.services.tickets.labels import LABELS

    with language(CHINESE):
        assert _(SEGMENT_LABELS["new"]) == "新客户"
        assert _(LABELS["new"]) == "新建"  # a ticket's status
        assert _(KIND_LABELS["received"]) == "入库"
        assert pgettext("stock movement", "Received") == "入库"
        assert _("Received") == "已到货"  # a purchase order's
    assert _(SEGMENT_LABELS["new"]) == "New"


def _untranslatable_problem_fields(path: Path) -> list[str]:
    """Problem(...) calls whose field is a bare literal or an f-string: Problem.__str__
    translates the field with `_`, but only a marked literal reaches the catalogue."""
    import ast

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        name = getattr(node, "func", None)
        if not (isinstance(node, ast.Call)
                and getattr(name, "id", getattr(name, "attr", None)) == "Problem"):
            continue
        field = node.args[0] if node.args else next(
            (k.value for k in node.keywords if k.arg == "field"), None)
        literal = isinstance(field, ast.Constant) and isinstance(field.value, str)
        # CLI options (--out) and their syntax (SKU=QTY) are typed as they are written, and a
        # file's own column ("[{channel}]") is named as the file names it
        words = isinstance(field, ast.JoinedStr) and any(
            isinstance(part, ast.Constant) and any(c.isalpha() for c in part.value)
            for part in field.values)
        if (literal and not field.value.startswith("-") and "=" not in field.value) or words:
            found.append(f"{path.relative_to(catalogues.ROOT)}:{node.lineno}")
    return found


def test_every_problem_names_its_field_in_words_that_translate() -> None:
    sources = [path for paths in catalogues.python_sources().values() for path in paths]
    found = [where for path in sources for where in _untranslatable_problem_fields(path)]
    assert not found, ("mark the field with N_(\"…\") (or NC_ with a context):\n"
                       + "\n".join(found))
