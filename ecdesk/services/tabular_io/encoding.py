"""Which text encoding a file is in: detected from its bytes, never guessed silently wrong.

UTF-8 (with or without a BOM) and UTF-16 (by its BOM, as Excel saves "Unicode text") are
certain; GB18030 (a superset of GBK and GB2312, Chinese marketplaces' exports) is accepted only
when the whole file decodes and its characters are plausible Chinese text, because almost any
byte soup decodes as GB18030. Anything else is refused with a reason the user can act on.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

CHUNK = 1 << 20
SUPPORTED = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "gbk",
             "gb2312", "cp1252", "latin-1", "big5", "shift_jis")


@dataclass(frozen=True)
class Encoding:
    name: str | None  # a Python codec name, None when the file cannot be read as text
    label: str  # for people: "UTF-8", "UTF-8 with BOM", "GB18030 (GBK)"
    reason: str = ""  # why it was refused, when name is None


def detect_encoding(path: Path) -> Encoding:
    with open(path, "rb") as file:
        head = file.read(4)
    if head.startswith(codecs.BOM_UTF8):
        return _whole_file(path, "utf-8-sig", "UTF-8 with BOM")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _whole_file(path, "utf-16", "UTF-16")
    if len(head) >= 4 and head[1] == 0 and head[3] == 0 and head[0] and head[2]:
        return _whole_file(path, "utf-16-le", "UTF-16 LE (no BOM)")
    if len(head) >= 4 and head[0] == 0 and head[2] == 0 and head[1] and head[3]:
        return _whole_file(path, "utf-16-be", "UTF-16 BE (no BOM)")
    utf8 = _whole_file(path, "utf-8", "UTF-8")
    if utf8.name:
        return utf8
    gb = _whole_file(path, "gb18030", "GB18030 (GBK)")
    if gb.name and _plausible_chinese(path):
        return gb
    return Encoding(None, "unknown", utf8.reason + ". It is not GB18030/GBK Chinese text either. "
                    "Save the file as 'CSV UTF-8' in your spreadsheet and import it again")


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
                return Encoding(None, label, f"The file is not valid {label}: byte {at} "
                                f"(0x{error.object[error.start]:02X}) cannot be read")
            if not chunk:
                return Encoding(codec, label)
            offset += len(chunk)


def _plausible_chinese(path: Path) -> bool:
    """Most non-ASCII characters are common Chinese (GB2312) characters or punctuation."""
    with open(path, "rb") as file:
        sample = file.read(CHUNK)
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
