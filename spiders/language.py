"""English or Welsh? A function-word count, which needs no model and works on short texts.

Function words (articles, prepositions, pronouns, auxiliaries) are the most
frequent words of a language and differ completely between English and Welsh.
The share of a text's words that are function words of each language decides;
a text with too few of either is left undecided (None) and the page's own
``<html lang>`` or trafilatura's guess is used instead. Mutated forms of Welsh
words count too (``fy nhad``: the function words themselves do not mutate).
"""

from __future__ import annotations

import re

ENGLISH = frozenset("""
the a an and or but of to in on at by for with from as is are was were be been being have has had do does did
not no this that these those it its he she they we you i his her their our your my me him them us there here
which who whom what when where why how will would can could should may might must shall than then so if also
about into over after before because while just only very all any some more most other such up out
""".split())

WELSH = frozenset("""
y yr r a ac ag o i yn ym yng ar am gan gyda efo at dros drwy trwy heb hyd wrth rhwng dan mae roedd oedd oes
bod fod sydd sy ydy yw ydw ydych ydyn ydi bydd fydd byddai fyddai cafodd gafodd wedi newydd ei eu ein eich fy
ni nid na nad ddim hefyd ond neu fel hwn hon hyn hynny yma yna dyma dyna pan os pwy beth sut lle pam iawn
mwy mwyaf pob holl rhai chi fi fe fo hi nhw ni ti ein gennym gennych iddo iddi iddyn arno arni ohono ohoni
""".split())

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
MIN_HITS = 8          # fewer function words than this: too little text to say
MARGIN = 1.5          # one language's count must beat the other's by this factor
MIN_SHARE = 0.2       # function words are a third or more of running text; far fewer means another language


def detect(text: str, sample_chars: int = 6_000) -> str | None:
    """'en', 'cy', or None when the text is too short or neither language is clearly ahead."""
    en = cy = total = 0
    for match in _WORD.finditer(text[:sample_chars]):
        total += 1
        word = match.group().lower().replace("’", "'")
        if "'" in word:  # i'r, o'r, a'r, mae'r (Welsh); don't, it's (English)
            head, _, tail = word.partition("'")
            if tail in ("r", "n", "i", "w", "m", "th") and head in WELSH:
                cy += 1
                continue
            word = head
        en += word in ENGLISH
        cy += word in WELSH
    if max(en, cy) < MIN_HITS or max(en, cy) < MIN_SHARE * total:
        return None
    if en >= cy * MARGIN:
        return "en"
    if cy >= en * MARGIN:
        return "cy"
    return None
