"""Hostile input never crashes or hangs the analyser, and offsets stay valid."""

from __future__ import annotations

import json
import random
import time

import pytest

from nlp.analyse import MAX_CHARS, Analyser, analyse_stream
from repmon.profile import Profile

SECONDS = 5.0  # per item, generous for a slow CI machine; a hang or quadratic blow-up takes far longer

_rng = random.Random(20261128)
HOSTILE = {
    "empty": "",
    "emoji": "\U0001F600" * 10_000,
    "emoji-zwj-families": "\U0001F469\u200d\U0001F469\u200d\U0001F467" * 3_000,
    "binary-junk": bytes(_rng.randrange(256) for _ in range(50_000)).decode("latin-1"),
    "control-characters": "".join(chr(_rng.randrange(32)) for _ in range(50_000)) + " QEHS Carmarthen",
    "mixed-scripts": "QEHS Caerfyrddin 学校 مدرسة школа Σχολείο שלום " * 500,
    "zero-width-and-rtl": "\u202eQE High\u202c in Carmarthen \u200f\u200e\u200b\ufeff Mrs Pritchard\u2066x\u2069 " * 500,
    "lone-surrogates": "QEHS \ud800 in Carmarthen \udfff Mrs Pritchard",
    "one-long-word": "a" * 300_000,
    "long-digit-run": "0" * 300_000,
    "at-signs": "a@" * 150_000,
    "whitespace-only": " \n\t" * 100_000,
    "one-megabyte-post": ("Mrs Pritchard at QEHS in Carmarthen is a thief and I'm going to stab her.\n" * 14_000)[:1_000_000],
    "spaced-letters": "P r i t c h a r d " * 50_000,
    "dotted-letters": "B.e.y.n.o.n." * 50_000,
    "leet-and-misspelt-names": "Mrs Pr1tch4rd Mrs Pritchad Rhian Pritchrd " * 20_000,
    "url-with-many-slashes": "https://news.example/" + "qe-high/" * 60_000,
    "many-line-breaks": "QEHS\nis\na\nshambles\n" * 50_000,
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_is_analysed_quickly(analyser: Analyser, name: str) -> None:
    started = time.perf_counter()
    analyser.analyse({"id": name, "text": HOSTILE[name]})
    assert time.perf_counter() - started < SECONDS


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_gives_valid_mention_offsets(analyser: Analyser, name: str) -> None:
    text = HOSTILE[name]
    result = analyser.analyse({"id": name, "text": text})
    assert all(text[m["start"]:m["end"]] == m["text"] for m in result["mentions"])


def test_zero_width_and_rtl_marks_do_not_hide_the_school(analyser: Analyser) -> None:
    assert analyser.analyse({"id": "z", "text": HOSTILE["zero-width-and-rtl"]})["relevant"] is True


def test_a_megabyte_of_text_is_cut_and_says_so(analyser: Analyser) -> None:
    text = "QE High in Carmarthen is a shambles. Mrs Pritchard said so. " * 17_000
    result = analyser.analyse({"id": "big", "text": text})
    assert (result["truncated"], result["analysed_chars"]) == (True, MAX_CHARS)


def test_a_megabyte_of_text_keeps_offsets_inside_the_analysed_part(analyser: Analyser) -> None:
    text = "QE High in Carmarthen is a shambles. Mrs Pritchard said so. " * 17_000
    result = analyser.analyse({"id": "big", "text": text})
    assert max(m["end"] for m in result["mentions"]) <= MAX_CHARS


def test_a_megabyte_line_through_the_stream_gives_one_result(example_profile: Profile) -> None:
    out: list[str] = []
    line = json.dumps({"id": "big", "text": "Mrs Pritchard " * 80_000})
    assert analyse_stream(example_profile, [line], out.append) == 0 and len(out) == 1


def test_hostile_lines_through_the_stream_are_all_answered(example_profile: Profile) -> None:
    out: list[str] = []
    lines = [json.dumps({"id": name, "text": text}) for name, text in HOSTILE.items()]
    bad = analyse_stream(example_profile, lines, out.append)
    assert (bad, [json.loads(o)["id"] for o in out]) == (0, list(HOSTILE))


def test_output_with_lone_surrogates_can_be_written_as_utf8(example_profile: Profile) -> None:
    out: list[str] = []
    analyse_stream(example_profile, [json.dumps({"id": "s", "text": HOSTILE["lone-surrogates"]})], out.append)
    out[0].encode("utf-8")


def test_mention_after_a_long_unbroken_run_keeps_its_offset(analyser: Analyser) -> None:
    text = "\U0001F600" * 5_000 + " QEHS in Carmarthen"
    (mention,) = analyser.analyse({"id": "run", "text": text})["mentions"]
    assert (mention["start"], mention["text"]) == (5_001, "QEHS")
