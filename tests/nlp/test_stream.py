"""analyse_stream: the JSON Lines contract (one answer per line, in order, error lines in place)."""

from __future__ import annotations

import json
import os
import threading
from typing import Any

import pytest

from nlp.analyse import ANALYSER_VERSION, analyse_stream
from repmon.profile import Profile

GOOD = {"id": "r-1", "text": "QE High in Carmarthen is a shambles."}


def run(profile: Profile, lines: list[str]) -> tuple[int, list[dict[str, Any]], list[str]]:
    written: list[str] = []
    bad = analyse_stream(profile, lines, written.append)
    return bad, [json.loads(w) for w in written], written


@pytest.fixture(scope="module")
def mixed(example_profile: Profile) -> tuple[int, list[dict[str, Any]], list[str]]:
    lines = [
        json.dumps(GOOD),
        "{not json",
        "",
        json.dumps(["a", "list"]),
        json.dumps({"text": "no id here"}),
        "   ",
        json.dumps({"id": "r-5"}),
        json.dumps({"id": "r-6", "text": ["not", "a", "string"]}),
        json.dumps({"id": "r-7", "text": "Queen Elizabeth II visited Carmarthen."}) + "\n",
    ]
    return run(example_profile, lines)


def test_one_output_line_per_non_blank_input_line(mixed: tuple[int, list[dict[str, Any]], list[str]]) -> None:
    assert len(mixed[1]) == 7


def test_outputs_keep_input_order_and_ids(mixed: tuple[int, list[dict[str, Any]], list[str]]) -> None:
    assert [o["id"] for o in mixed[1]] == ["r-1", None, None, None, "r-5", "r-6", "r-7"]


def test_returns_the_number_of_bad_lines(mixed: tuple[int, list[dict[str, Any]], list[str]]) -> None:
    assert mixed[0] == 5


def test_every_written_line_is_one_json_object_ending_in_newline(mixed: tuple[int, list[dict[str, Any]], list[str]]) -> None:
    assert all(w.endswith("\n") and w.count("\n") == 1 for w in mixed[2])


def test_good_line_has_the_contract_keys(mixed: tuple[int, list[dict[str, Any]], list[str]]) -> None:
    assert {"id", "relevant", "mentions", "flags", "severity"} <= set(mixed[1][0])


def test_good_line_records_the_analyser_version(mixed: tuple[int, list[dict[str, Any]], list[str]]) -> None:
    assert mixed[1][0]["analyser"].startswith(ANALYSER_VERSION)  # "+textcat-..." when a classifier is built


def test_bad_json_line_gets_an_error_saying_what_to_do(mixed: tuple[int, list[dict[str, Any]], list[str]]) -> None:
    error = mixed[1][1]["error"]
    assert "line 2" in error and "not valid JSON" in error and "one JSON object per line" in error


def test_json_that_is_not_an_object_gets_an_error(mixed: tuple[int, list[dict[str, Any]], list[str]]) -> None:
    assert "expected a JSON object" in mixed[1][2]["error"]


def test_missing_id_gets_an_error_with_id_null(mixed: tuple[int, list[dict[str, Any]], list[str]]) -> None:
    assert mixed[1][3]["id"] is None and "has no 'id'" in mixed[1][3]["error"]


def test_missing_text_gets_an_error_that_keeps_the_id(mixed: tuple[int, list[dict[str, Any]], list[str]]) -> None:
    assert mixed[1][4]["id"] == "r-5" and "has no 'text'" in mixed[1][4]["error"]


def test_text_that_is_not_a_string_gets_an_error(mixed: tuple[int, list[dict[str, Any]], list[str]]) -> None:
    assert "'text' must be a string" in mixed[1][5]["error"]


def test_error_lines_carry_no_result_keys(mixed: tuple[int, list[dict[str, Any]], list[str]]) -> None:
    assert all(set(o) == {"id", "error"} for o in mixed[1][1:6])


def test_all_good_lines_return_zero(example_profile: Profile) -> None:
    bad, out, _ = run(example_profile, [json.dumps(GOOD), json.dumps({"id": 2, "text": ""})])
    assert (bad, [o["id"] for o in out]) == (0, ["r-1", 2])


def test_empty_input_writes_nothing(example_profile: Profile) -> None:
    assert run(example_profile, []) == (0, [], [])


def test_byte_order_mark_before_the_first_line_is_ignored(example_profile: Profile) -> None:
    bad, out, _ = run(example_profile, ["\ufeff" + json.dumps(GOOD)])
    assert (bad, out[0]["id"]) == (0, "r-1")


def test_deeply_nested_json_is_an_error_line_not_a_crash(example_profile: Profile) -> None:
    bad, out, _ = run(example_profile, ["[" * 100_000 + "]" * 100_000])
    assert bad == 1 and out[0]["id"] is None


def test_boolean_id_is_refused(example_profile: Profile) -> None:
    bad, out, _ = run(example_profile, [json.dumps({"id": True, "text": "x"})])
    assert bad == 1 and "'id' must be" in out[0]["error"]


def test_optional_fields_of_the_wrong_type_are_ignored(example_profile: Profile) -> None:
    line = json.dumps({"id": "r-9", "text": "QE High in Carmarthen", "title": 5, "url": ["x"], "author": None})
    bad, out, _ = run(example_profile, [line])
    assert (bad, out[0]["relevant"]) == (0, True)


def test_a_slow_source_gets_each_answer_before_it_writes_the_next_line(example_profile: Profile) -> None:
    read_end, write_end = os.pipe()
    answered = threading.Event()
    written: list[str] = []

    def write(line: str) -> None:
        written.append(line)
        answered.set()

    with open(read_end, encoding="utf-8") as source, open(write_end, "w", encoding="utf-8") as sink:
        worker = threading.Thread(target=analyse_stream, args=(example_profile, source, write))
        worker.start()
        try:
            for i in range(3):  # the writer waits for each answer, as a collector feeding a pipe may
                answered.clear()
                sink.write(json.dumps(dict(GOOD, id=f"r-{i}")) + "\n")
                sink.flush()
                assert answered.wait(timeout=120), f"line {i + 1} was not answered while the source waited"
        finally:
            sink.close()
            worker.join(timeout=120)
    assert [json.loads(w)["id"] for w in written] == ["r-0", "r-1", "r-2"]
