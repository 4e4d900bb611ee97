"""Chinese text: telling it from Japanese and Korean, and a Simplified, half-width copy to match against.

Traditional pages are matched through their Simplified form (OpenCC), and
full-width digits and punctuation (１２３，％) through half-width ones. The copy
has the same length as the text, so a span found in it is the same span of the
text as written, which is what a report quotes.
"""

from __future__ import annotations

import re
from functools import cache

from ...contract.datafiles import read_json
from ...contract.units import entries

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KANA = re.compile("[\u3040-\u30ff]")
_HANGUL = re.compile("[\uac00-\ud7af\u1100-\u11ff]")
_HAN_CHAR = re.compile(f"[{HAN}]")
# A pinyin reading some sites insert after a character: 建設(shè), 網(wǎng).
_READING = re.compile(f"(?<=[{HAN}])\\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{{1,6}}\\)")
# Full-width ASCII (！ to ～) and the ideographic space, each to its half-width form.
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
# A Japanese page writes kana in most sentences; Chinese has none. Below this share of CJK letters a few are quotes.
_KANA_SHARE = 0.05


@cache
def vocabulary() -> dict:
    """Return the Chinese vocabulary of data/chinese.json."""
    return read_json("chinese.json")


def words_of(table: dict) -> list[str]:
    """Return a vocabulary table's words, longest first, without its comment."""
    return sorted(entries(table), key=len, reverse=True)


def identify_script(text: str) -> str | None:
    """Return "zh", "ja" or "ko" when most of the letters of ``text`` are CJK, else None.

    Japanese is told by its kana and Korean by its Hangul, so that neither is
    read as Chinese because it also writes Han characters.
    """
    letters = [c for c in text[:20_000] if c.isalpha()]
    han = sum(1 for c in letters if _HAN_CHAR.match(c))
    kana = sum(1 for c in letters if _KANA.match(c))
    hangul = sum(1 for c in letters if _HANGUL.match(c))
    cjk = han + kana + hangul
    if not letters or cjk <= len(letters) / 2:
        return None
    if hangul > han:
        return "ko"
    return "ja" if kana > _KANA_SHARE * cjk else "zh"


def drop_readings(text: str) -> str:
    """Remove the pinyin readings a site inserted after characters: "建設(shè)" -> "建設"."""
    return _READING.sub("", text)


@cache
def segmenter():
    """Return jieba, its dictionary loaded once per process and its progress messages kept off the console."""
    import logging

    import jieba  # only Chinese pages need it

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


@cache
def _converter():
    import opencc  # only Chinese pages need it

    return opencc.OpenCC("t2s")


def simplify(text: str) -> str:
    """Return ``text`` in Simplified characters with half-width digits and punctuation, character for character."""
    half = text.translate(_HALF_WIDTH)
    simple = _converter().convert(half)
    if len(simple) != len(half):  # a phrase converted to a different length: convert character by character
        simple = "".join(_converter().convert(c) or c for c in half)
    return simple


def han_count(text: str) -> int:
    """Return how many Han characters ``text`` holds."""
    return len(_HAN_CHAR.findall(text))
