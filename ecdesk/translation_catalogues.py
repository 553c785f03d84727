"""The translation catalogues: extract the strings from the code, compile what translators wrote,
and say what is still missing. A developer tool (`python bootstrap.py translations`); the app
only reads the compiled files (ecdesk/i18n.py, views/shell/languages.py).

One catalogue per capability, so that capabilities built side by side edit different files:

- services, CLI and reports (`_`, `N_`, `ngettext` from ecdesk.i18n), as gettext catalogues
  resources/translations/<lang>/LC_MESSAGES/<area>.po, compiled to <area>.mo beside it. The area
  of ecdesk/services/<area>/... (or services/<area>.py) is <area>; of ecdesk/cli/<name>.py it is
  cli_<name>; every other module outside views/ is in `ecdesk`.
- views (`self.tr`, `QCoreApplication.translate`, `QT_TRANSLATE_NOOP`), as Qt Linguist
  catalogues resources/translations/<lang>/views/<folder>.ts, one per ecdesk/views/<folder>,
  compiled to <folder>.qm by pyside6-lrelease.

    python -m ecdesk.translation_catalogues           # extract, compile, list what is missing
    python -m ecdesk.translation_catalogues --check   # only list problems; exit 1 if any
    python -m ecdesk.translation_catalogues --todo    # every untranslated string, by catalogue
"""

from __future__ import annotations

import argparse
import ast
import io
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "ecdesk"
TRANSLATIONS = ROOT / "resources" / "translations"
TARGETS = ("zh_CN",)  # English is the source text itself
PLURAL_FORMS = {"zh_CN": "nplurals=1; plural=0;"}
WINDOW_TEXT = "window_text"  # views/shell/pages.py: the page registry's texts (no context)
KEYWORDS = {"_": 1, "N_": 1, "ngettext": 2, "pgettext": 2, "NC_": 2}  # -> string arguments
CONTEXTUAL = ("pgettext", "NC_")  # their first argument is the context
CONTEXT_SEPARATOR = "\x04"  # gettext's: a contextual message's id is "context\x04text"
# str.format fields, %-formats, and Qt's %1 / %L1 / %n
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?\d+|%(?:\([a-z_]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifrn%]")


# --- where each string belongs ----------------------------------------------------------------

def python_area(path: Path) -> str | None:
    """The gettext catalogue of a module outside views/ (None for views and migrations)."""
    parts = path.relative_to(PACKAGE).parts
    if parts[0] in ("views", "migrations"):
        return None
    if parts[0] == "services" and len(parts) > 1:
        return Path(parts[1]).stem
    if parts[0] == "cli" and len(parts) > 1 and parts[1] != "__init__.py":
        return "cli_" + Path(parts[1]).stem
    return "ecdesk"


def python_sources() -> dict[str, list[Path]]:
    areas: dict[str, list[Path]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        area = python_area(path)
        if area is not None and path.name != "translation_catalogues.py":
            areas.setdefault(area, []).append(path)
    return areas


def view_sources() -> dict[str, list[Path]]:
    """ecdesk/views/<folder>/*.py by folder."""
    return {folder.name: sorted(folder.rglob("*.py"))
            for folder in sorted((PACKAGE / "views").iterdir())
            if folder.is_dir() and not folder.name.startswith("__")}


def po_path(target: str, area: str) -> Path:
    return TRANSLATIONS / target / "LC_MESSAGES" / f"{area}.po"


def ts_path(target: str, folder: str) -> Path:
    return TRANSLATIONS / target / "views" / f"{folder}.ts"


# --- services, CLI, reports: gettext ------------------------------------------------------------

# A message, "context\x04message" for one with a context, or (singular, plural)
MessageId = str | tuple[str, str]


def extract_python(paths: Iterable[Path]) -> set[MessageId]:
    """Every literal handed to `_`, `N_` or `ngettext` (an f-string cannot be translated: its
    text changes with its values, so it is left out and shows in English)."""
    found: set[MessageId] = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in KEYWORDS):
                continue
            count = KEYWORDS[node.func.id]
            texts = [a.value for a in node.args[:count]
                     if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if len(texts) != count:
                continue
            if node.func.id in CONTEXTUAL:
                found.add(texts[0] + CONTEXT_SEPARATOR + texts[1])
            else:
                found.add(texts[0] if count == 1 else (texts[0], texts[1]))
    return found


def read_po(path: Path) -> dict[MessageId, list[str]]:
    """msgid -> the translations (one, or one per plural form); fuzzy entries count as none."""
    from babel.messages.pofile import read_po as babel_read_po

    if not path.exists():
        return {}
    with path.open("rb") as handle:
        catalog = babel_read_po(handle, charset="utf-8")
    entries: dict[MessageId, list[str]] = {}
    for message in catalog:
        if not message.id:
            continue
        key = tuple(message.id) if isinstance(message.id, (list, tuple)) else message.id
        if message.context:
            key = message.context + CONTEXT_SEPARATOR + key
        strings = list(message.string) if isinstance(message.string, (list, tuple)) \
            else [message.string]
        entries[key] = strings if strings and all(strings) and not message.fuzzy else []
    return entries


def _po_header(target: str, area: str) -> str:
    return (f"# {target} translations of ecdesk's `{area}` messages (services, CLI, reports).\n"
            "# Written by `python bootstrap.py translations`: fill in each empty msgstr, then run\n"
            "# it again to compile. resources/translations/README.md says how.\n"
            'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
            f'"Language: {target}\\n"\n"Plural-Forms: {PLURAL_FORMS[target]}\\n"\n\n')


def write_po(path: Path, target: str, area: str, ids: set[MessageId],
             known: dict[MessageId, list[str]]) -> None:
    """The catalogue of `ids`, sorted, keeping what was translated and dropping what the code no
    longer says (sorted and without line numbers, so two capabilities' edits seldom touch)."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po as babel_write_po

    catalog = Catalog(locale=target, domain=area)
    for message_id in ids:
        strings = known.get(message_id) or []
        if isinstance(message_id, tuple):
            catalog.add(message_id, tuple(strings) if strings else ("",))
        else:
            context, _, text = message_id.rpartition(CONTEXT_SEPARATOR)
            catalog.add(text, strings[0] if strings else "", context=context or None)
    buffer = io.BytesIO()
    babel_write_po(buffer, catalog, width=100, no_location=True, omit_header=True,
                   sort_output=True, ignore_obsolete=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = buffer.getvalue().decode("utf-8").lstrip("\n")
    path.write_text(_po_header(target, area) + body, encoding="utf-8", newline="\n")


def mo_bytes(target: str, entries: dict[MessageId, list[str]]) -> bytes:
    """The GNU .mo file of the translated entries (the same bytes for the same entries, whatever
    tool versions wrote them: the tests compare the committed file with this)."""
    pairs = {"": f"Content-Type: text/plain; charset=UTF-8\nPlural-Forms: "
                 f"{PLURAL_FORMS[target]}\n"}
    for message_id, strings in entries.items():
        if strings:
            key = "\0".join(message_id) if isinstance(message_id, tuple) else message_id
            pairs[key] = "\0".join(strings)
    keys = sorted(pairs)
    ids = [k.encode("utf-8") for k in keys]
    strs = [pairs[k].encode("utf-8") for k in keys]
    header_size = 7 * 4
    table_size = len(keys) * 8
    ids_start = header_size + 2 * table_size
    id_table, offset = [], ids_start
    for data in ids:
        id_table += [len(data), offset]
        offset += len(data) + 1
    str_table = []
    for data in strs:
        str_table += [len(data), offset]
        offset += len(data) + 1
    out = struct.pack("<7I", 0x950412DE, 0, len(keys), header_size,
                      header_size + table_size, 0, 0)
    out += struct.pack(f"<{len(id_table)}I", *id_table)
    out += struct.pack(f"<{len(str_table)}I", *str_table)
    return out + b"".join(d + b"\0" for d in ids) + b"".join(d + b"\0" for d in strs)


# --- views: Qt Linguist -------------------------------------------------------------------------

def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def run_lupdate(sources: list[Path], ts: Path, target: str) -> None:
    ts.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([_tool("pyside6-lupdate"), "-silent", "-locations", "none", "-no-obsolete",
                    "-source-language", "en", "-target-language", target,
                    "-tr-function-alias", f"QT_TR_NOOP+={WINDOW_TEXT}",
                    *map(str, sources), "-ts", str(ts)], check=True, cwd=ROOT)


def run_lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), "-silent", "-nounfinished", str(ts), "-qm",
                    str(qm)], check=True, cwd=ROOT)


@dataclass(frozen=True)
class TsMessage:
    context: str
    source: str
    translations: tuple[str, ...]  # empty when unfinished

    @property
    def done(self) -> bool:
        return bool(self.translations) and all(self.translations)


def read_ts(path: Path) -> list[TsMessage]:
    if not path.exists():
        return []
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            unfinished = translation is None or translation.get("type") in (
                "unfinished", "obsolete", "vanished")
            forms = translation.findall("numerusform") if translation is not None else []
            texts = tuple(f.text or "" for f in forms) if forms else (
                (translation.text or "",) if translation is not None else ())
            messages.append(TsMessage(name, message.findtext("source") or "",
                                      () if unfinished else texts))
    return messages


# --- the command ------------------------------------------------------------------------------

def update() -> None:
    """Extract every catalogue from the code (keeping translations) and compile them."""
    for target in TARGETS:
        for area, paths in python_sources().items():
            ids = extract_python(paths)
            po = po_path(target, area)
            if not ids and not po.exists():
                continue
            write_po(po, target, area, ids, read_po(po))
            po.with_suffix(".mo").write_bytes(mo_bytes(target, read_po(po)))
        for folder, paths in view_sources().items():
            ts = ts_path(target, folder)
            run_lupdate(paths, ts, target)
            run_lrelease(ts, ts.with_suffix(".qm"))


def problems() -> list[str]:
    """What keeps the catalogues from being complete and current, one line each."""
    found: list[str] = []
    for target in TARGETS:
        found += _python_problems(target)
        found += _one_meaning_problems(target)
        found += _view_problems(target)
    return found


def _one_meaning_problems(target: str) -> list[str]:
    """The catalogues are chained (the areas' .mo files; the views' .qm files, where several
    folders may share a context), so a text translated two ways reads the first file's way
    everywhere (a new ticket read 新客户). Each such text needs a context where its meanings
    differ, or the same words where they do not."""
    areas = {area: read_po(po_path(target, area)) for area in python_sources()}
    folders: dict[str, dict[MessageId, list[str]]] = {}
    for folder in view_sources():
        folders[folder] = {m.context + CONTEXT_SEPARATOR + m.source: list(m.translations)
                           for m in read_ts(ts_path(target, folder))}
    return [f"{target}: {line}" for line in
            translated_two_ways(areas) + translated_two_ways(folders)]


def translated_two_ways(catalogues: dict[str, dict[MessageId, list[str]]]) -> list[str]:
    """Each message that two catalogues translate differently, with its translations."""
    ways: dict[MessageId, dict[tuple[str, ...], list[str]]] = {}
    for name, entries in catalogues.items():
        for message_id, strings in entries.items():
            if strings:
                ways.setdefault(message_id, {}).setdefault(tuple(strings), []).append(name)
    found = []
    for message_id, translations in sorted(ways.items(), key=lambda item: str(item[0])):
        if len(translations) > 1:
            said = "; ".join(f"{' / '.join(text)} ({', '.join(names)})"
                             for text, names in sorted(translations.items()))
            found.append(f"{message_id!r} is translated {len(translations)} ways: {said}: "
                         "give it a context (pgettext / NC_, or another Qt context) where the "
                         "meanings differ, or the same words where they do not")
    return found


def _python_problems(target: str) -> list[str]:
    found = []
    for area, paths in python_sources().items():
        po = po_path(target, area)
        ids, entries = extract_python(paths), read_po(po)
        name = po.relative_to(ROOT).as_posix()
        new, gone = sorted(ids - entries.keys(), key=str), sorted(entries.keys() - ids, key=str)
        found += [f"{name}: not extracted yet: {i!r}" for i in new]
        found += [f"{name}: no longer in the code: {i!r}" for i in gone]
        found += [f"{name}: untranslated: {i!r}" for i in sorted(ids & entries.keys(), key=str)
                  if not entries[i]]
        found += [f"{name}: placeholders differ: {i!r}" for i in sorted(entries, key=str)
                  if entries[i] and not _same_placeholders(i, entries[i])]
        mo = po.with_suffix(".mo")
        if entries and (not mo.exists() or mo.read_bytes() != mo_bytes(target, entries)):
            found.append(f"{mo.relative_to(ROOT).as_posix()}: not compiled from the .po")
    return found


def _view_problems(target: str) -> list[str]:
    found = []
    with tempfile.TemporaryDirectory() as scratch:
        for folder, paths in view_sources().items():
            ts = ts_path(target, folder)
            name = ts.relative_to(ROOT).as_posix()
            committed = read_ts(ts)
            fresh_ts = Path(scratch) / f"{folder}.ts"
            if ts.exists():
                shutil.copy(ts, fresh_ts)
            run_lupdate(paths, fresh_ts, target)
            fresh = {(m.context, m.source) for m in read_ts(fresh_ts)}
            known = {(m.context, m.source) for m in committed}
            found += [f"{name}: not extracted yet: {c}: {s!r}" for c, s in sorted(fresh - known)]
            found += [f"{name}: no longer in the code: {c}: {s!r}"
                      for c, s in sorted(known - fresh)]
            found += [f"{name}: untranslated: {m.context}: {m.source!r}"
                      for m in committed if not m.done]
            found += [f"{name}: placeholders differ: {m.context}: {m.source!r}"
                      for m in committed if m.done
                      and not _same_placeholders(m.source, list(m.translations))]
            if committed:
                fresh_qm = Path(scratch) / f"{folder}.qm"
                run_lrelease(ts, fresh_qm)
                qm = ts.with_suffix(".qm")
                if not qm.exists() or qm.read_bytes() != fresh_qm.read_bytes():
                    found.append(f"{qm.relative_to(ROOT).as_posix()}: not compiled from the .ts")
    return found


def _same_placeholders(message_id: MessageId, translations: list[str]) -> bool:
    """A translation keeps the message's {names} and %-signs, or formatting it would fail."""
    source = message_id[-1] if isinstance(message_id, tuple) else \
        message_id.rpartition(CONTEXT_SEPARATOR)[2]
    wanted = sorted(_PLACEHOLDER.findall(source))
    return all(sorted(_PLACEHOLDER.findall(text)) == wanted for text in translations)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python bootstrap.py translations",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; list problems")
    parser.add_argument("--todo", action="store_true", help="list only what is untranslated")
    args = parser.parse_args(argv)
    if not args.check:
        update()
    found = problems()
    if args.todo:
        found = [line for line in found if ": untranslated: " in line]
    for line in found:
        print(line)
    print(f"{len(found)} problem(s)" if found else "Every catalogue is complete and compiled.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
