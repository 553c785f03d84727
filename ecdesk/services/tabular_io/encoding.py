"""Which text encoding a file is in: detected from its bytes, never guessed silently wrong.

UTF-8 (with or without a BOM) and UTF-16 (by its BOM, as Excel saves "Unicode text") are
certain; GB18030 (a superset of GBK and GB2312, Chinese marketplaces' exports) is accepted only
when the whole file decodes and its characters are plausible Chinese text, because almost any
byte soup decodes as GB18030. Anything else is refused with a reason the user can act on.

A file that is almost all one encoding but has a character cut in two somewhere (a cell cut
short by a tool that counted bytes, not characters) is refused naming the row of the first
unreadable byte, in the encoding the rest of the file is in: for UTF-8 and GB18030, whichever
decoded further before failing; for UTF-16, where a missing byte shifts everything after it,
the row after which its line ends stop falling on whole characters.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from ecdesk.i18n import _

CHUNK = 1 << 20
SUPPORTED = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "gbk",
             "gb2312", "cp1252", "latin-1", "big5", "shift_jis")


@dataclass(frozen=True)
class Encoding:
    name: str | None  # a Python codec name, None when the file cannot be read as text
    label: str  # for people: "UTF-8", "UTF-8 with BOM", "GB18030 (GBK)"
    reason: str = ""  # why it was refused, when name is None
    bad_byte: int | None = None  # where decoding failed, when name is None


def detect_encoding(path: Path) -> Encoding:
    with open(path, "rb") as file:
        head = file.read(4)
    if head.startswith(codecs.BOM_UTF8):
        return _cut_row(path, _whole_file(path, "utf-8-sig", "UTF-8 with BOM"), "utf-8-sig")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _cut_row(path, _whole_file(path, "utf-16", "UTF-16"), "utf-16")
    if len(head) >= 4 and head[1] == 0 and head[3] == 0 and head[0] and head[2]:
        return _cut_row(path, _whole_file(path, "utf-16-le", "UTF-16 LE (no BOM)"),
                        "utf-16-le")
    if len(head) >= 4 and head[0] == 0 and head[2] == 0 and head[1] and head[3]:
        return _cut_row(path, _whole_file(path, "utf-16-be", "UTF-16 BE (no BOM)"),
                        "utf-16-be")
    utf8 = _whole_file(path, "utf-8", "UTF-8")
    if utf8.name:
        return utf8
    gb = _whole_file(path, "gb18030", "GB18030 (GBK)")
    if gb.name and _plausible_chinese(path):
        return gb
    if gb.name is None and (gb.bad_byte or 0) > (utf8.bad_byte or 0) and _plausible_chinese(
            path, upto=gb.bad_byte):
        return _cut_row(path, gb, "gb18030")  # Chinese text with one character cut in two
    at = utf8.bad_byte or 0
    if _utf8_characters_before(path, at):  # (byte soup is almost never valid UTF-8)
        return _cut_row(path, utf8, "utf-8")
    return Encoding(None, "unknown", _(
        "The file is not valid UTF-8: byte {at} (0x{value}) in row {row} cannot be read. It is "
        "not GB18030/GBK Chinese text either: a character there may be cut in two, or the file "
        "was saved in another encoding. Save the file as 'CSV UTF-8' in your spreadsheet and "
        "import it again").format(at=at, value=_byte_hex(path, at),
                                  row=unreadable_row(path, "utf-8", at)), at)


def _cut_row(path: Path, found: Encoding, codec: str) -> Encoding:
    """A file in a known encoding that cannot be read at one byte: name the row (the line of
    the file, 1 = the header) where a character is cut in two."""
    if found.name is not None or found.bad_byte is None:
        return found
    row = unreadable_row(path, codec, found.bad_byte)
    if codec.startswith("utf-16") and _shifted_utf16_row(path.read_bytes(), codec) is not None:
        reason = _("The file is {label} text, but a byte is missing in row {row}: a character "
                   "there is cut in two and every character after it is shifted. Fix that row, "
                   "or save the file again as 'CSV UTF-8'").format(label=found.label, row=row)
    else:
        reason = _("The file is {label} text, but row {row} cannot be read (byte {at}, "
                   "0x{value}): a character there is cut in two or damaged. Fix that row, or "
                   "save the file again as 'CSV UTF-8'").format(
                       label=found.label, row=row, at=found.bad_byte,
                       value=_byte_hex(path, found.bad_byte))
    return Encoding(None, found.label, reason, found.bad_byte)


def _utf8_characters_before(path: Path, at: int) -> bool:
    """Whether the bytes before `at` hold characters that UTF-8 writes in several bytes."""
    with open(path, "rb") as file:
        head = file.read(min(at, CHUNK))
    return any(byte >= 0x80 for byte in head)  # they decoded as UTF-8: the caller checked


def _byte_hex(path: Path, at: int) -> str:
    with open(path, "rb") as file:
        file.seek(at)
        return (file.read(1) or b"\0").hex().upper()


def unreadable_row(path: Path, codec: str, bad_byte: int) -> int:
    """The line (1 = the header) holding byte `bad_byte`, where `codec` first failed."""
    data = path.read_bytes()
    if codec.startswith("utf-16"):
        shifted = _shifted_utf16_row(data, codec)
        if shifted is not None:
            return shifted
    text = data[:bad_byte].decode(codec, errors="replace")
    return text.count("\n") + 1


def _shifted_utf16_row(data: bytes, codec: str) -> int | None:
    """A UTF-16 file with an odd number of bytes lost one byte somewhere: after it, every line
    end lies on the wrong half of a character. The byte went missing in the row after the
    last line end that still lies right (the decoder itself fails only at the file's end).
    None when nothing is shifted (whole characters, or only the file's last one is cut)."""
    if len(data) % 2 == 0:
        return None
    big = codec.endswith("be") or (codec == "utf-16" and data.startswith(codecs.BOM_UTF16_BE))
    newline = b"\x00\n" if big else b"\n\x00"
    start = 2 if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else 0
    row, at = 1, data.find(newline, start)
    while at != -1 and (at - start) % 2 == 0:
        row += 1
        at = data.find(newline, at + 2)
    return None if at == -1 else row


def _whole_file(path: Path, codec: str, label: str) -> Encoding:
    decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    offset = 0
    with open(path, "rb") as file:
        while True:
            chunk = file.read(CHUNK)
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as error:
                # at the end the decoder reports the bytes it held back, not the empty chunk
                # (a UTF-16 file cut after an odd byte): the error's own object has them
                at = offset + error.start if chunk else offset - len(error.object) + error.start
                return Encoding(None, label, "", at)  # the caller says why, naming the row
            if not chunk:
                return Encoding(codec, label)
            offset += len(chunk)


def _plausible_chinese(path: Path, upto: int | None = None) -> bool:
    """Most non-ASCII characters (of the first `upto` bytes) are common Chinese (GB2312)
    characters or punctuation."""
    with open(path, "rb") as file:
        sample = file.read(min(CHUNK, CHUNK if upto is None else upto))
    text = sample.decode("gb18030", errors="ignore")
    others = [ch for ch in text if ord(ch) > 127]
    if not others:
        return True
    common = 0
    for ch in others:
        try:
            ch.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common / len(others) >= 0.9


def check_encoding_name(name: str) -> Encoding:
    """An encoding the user chose; refused when Python does not know it."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        return Encoding(None, name, f"'{name}' is not a text encoding ecdesk knows")
    return Encoding(info.name, name.upper())
