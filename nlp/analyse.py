"""Analyse collected items against a school profile (contracts.md, section 2).

    analyser = Analyser(profile)                  # builds the pipeline once
    result = analyser.analyse({"id": "r-1", "text": "..."})

    bad = analyse_stream(profile, lines, write)   # JSON Lines in, JSON Lines out

Each result is ``{"id", "relevant", "mentions", "flags", "severity"}`` plus
extra keys the contract allows: ``analyser`` (:data:`ANALYSER_VERSION`, the
rule set that made the finding), ``relevance`` (why the item is or is not
about the school) and, for long texts, ``truncated`` and ``analysed_chars``.
Offsets are character offsets into the item's ``text``.
"""

from __future__ import annotations

import gc
import json
import re
import select
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import unquote, urlsplit

from spacy.tokens import Doc

from nlp import relevance
from nlp.extensions import values
from nlp.found import found_in
from nlp.normalise import NAMES_NOTHING, NAMES_SHORT_ONLY
from nlp.pipeline import CONTEXT_PIPES, build_pipeline
from repmon.errors import InputError
from repmon.hosts import host_in
from repmon.profile import Profile

#: The rule set behind every finding; stored with it so an alert can be traced to its rules.
#: Bump it (and the pattern file versions) whenever a rule changes what is found.
ANALYSER_VERSION = "repmon-rules-v39"

#: Only the first MAX_CHARS characters of a text are analysed (a long page's head holds the post).
MAX_CHARS = 100_000
MAX_CONTEXT_CHARS = 2_000
#: Items analysed together by ``analyse_stream`` at most (results are written when a batch is done, in input order);
#: a batch is analysed as soon as no more input is waiting (:func:`_input_waiting`), so a slow source's lines are
#: answered at once. (32 before: a batch of 32 cost ~115 µs a post on the bench, one of 256 ~95.)
STREAM_BATCH = 256

_SURROGATE = re.compile("[\ud800-\udfff]")
_URL_WORDS = re.compile(r"[-_/.+~%]+|\.html?$|\.php$|\.aspx?$")


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a batch is analysed, as it was before after.

    Each item makes thousands of short-lived objects (spaCy Tokens and Spans, lists, dicts), so the collector
    ran every few items and took a fifth of the time; almost none of them are cycles, which the next
    collection after the batch frees.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _check_item(item: Any) -> tuple[str | int, str]:
    """The item's id and text, or InputError saying what is wrong and how to fix it."""
    if not isinstance(item, dict):
        raise InputError(f"expected a JSON object like {{\"id\": \"r-1\", \"text\": \"...\"}}, got {type(item).__name__}.")
    if "id" not in item or item["id"] is None:
        raise InputError("the item has no 'id'; give every item a unique id, e.g. \"id\": \"r-1\".")
    item_id = item["id"]
    if isinstance(item_id, bool) or not isinstance(item_id, (str, int)) or item_id == "":
        raise InputError(f"'id' must be a non-empty string or a whole number, got {json.dumps(item_id)[:40]}.")
    if "text" not in item or item["text"] is None:
        raise InputError(f"item {item_id!r} has no 'text'; add the post's text as a string (\"\" if it has none).")
    if not isinstance(item["text"], str):
        raise InputError(f"item {item_id!r}: 'text' must be a string, got {type(item['text']).__name__}; "
                         "send the text itself, not a list or an object.")
    return item_id, item["text"]


def _safe(text: str) -> str:
    """The text with lone surrogates (from "\\ud800" escapes) replaced by U+FFFD: same length, so offsets hold."""
    return text if text.isascii() else _SURROGATE.sub("\ufffd", text)


def _own_site(item: dict[str, Any], domains: tuple[str, ...], handles: tuple[str, ...]) -> str | None:
    url = item.get("url")
    if isinstance(url, str) and url:
        try:
            host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
        except ValueError:
            host = ""
        if host and host_in(host, domains):
            return host
    author = item.get("author")
    if isinstance(author, str) and author.strip().lstrip("@").lower() in handles:
        return "@" + author.strip().lstrip("@")
    return None


def _is_review(item: dict[str, Any]) -> bool:
    """(v6) The item is a review (``source`` "review", "google_review", ...): posted on a listing of one school."""
    source = item.get("source")
    return isinstance(source, str) and "review" in source.lower()


def _url_words(url: Any) -> str:
    """The words of a URL's path ("/news/qehs-carmarthen-prize.html" -> "news qehs carmarthen prize")."""
    if not isinstance(url, str) or not url:
        return ""
    try:
        path = unquote(urlsplit(url.strip()).path)
    except ValueError:
        return ""
    return " ".join(_URL_WORDS.sub(" ", path).split())[:MAX_CONTEXT_CHARS]


class Analyser:
    """The analyser for one school: build once, then call :meth:`analyse` for each item.

    ``base_model``: an installed spaCy package to run first (never needed).
    ``textcat``: use the trained text classifier when one has been built
    (``textcat_path``, "" = ``nlp/model/textcat``), and its context reader
    beside it (``<textcat_path>-context``); without one the rules work
    alone. :attr:`version` names the rules and the classifier behind each result.
    """

    def __init__(self, profile: Profile, *, base_model: str | None = None, max_chars: int = MAX_CHARS,
                 textcat: bool = True, textcat_path: str = "") -> None:
        self.profile = profile
        self.max_chars = max_chars
        self.nlp = build_pipeline(profile, base_model=base_model, textcat=textcat, textcat_path=textcat_path)
        judge = self.nlp.get_pipe("repmon_textcat") if "repmon_textcat" in self.nlp.pipe_names else None
        judged_by = str(getattr(judge, "judged_by", ""))
        self.version = ANALYSER_VERSION + (f"+{judged_by}" if judged_by else "")
        self._context_pipes = [proc for name, proc in self.nlp.pipeline if name in CONTEXT_PIPES]
        self._domains = tuple(d.lower() for d in profile.school.domains)
        self._handles = tuple(h.lower() for h in profile.school.handles)
        self._names = getattr(self.nlp.get_pipe("repmon_normalise"), "names", None)

    def _context(self, text: str) -> relevance.Summary:
        doc = self.nlp.make_doc(_safe(text[:MAX_CONTEXT_CHARS]))
        for proc in self._context_pipes:
            doc = proc(doc)
        return relevance.summarise(doc)

    def _unprocessed(self, item: dict[str, Any]) -> Doc:
        """The item's Doc, tokenized, with its title and URL summaries attached, before the pipeline runs."""
        _, text = _check_item(item)
        context = []
        title = item.get("title")
        if isinstance(title, str) and title.strip():
            context.append(self._context(title))
        words = _url_words(item.get("url"))
        if words:
            context.append(self._context(words))
        doc = self.nlp.make_doc(_safe(text[: self.max_chars]))
        values(doc).repmon_item = {"context": context, "own_site": _own_site(item, self._domains, self._handles),
                             "review": _is_review(item)}
        return doc

    def doc(self, item: dict[str, Any]) -> Doc:
        """The processed spaCy Doc for an item (for debugging and evaluation)."""
        return self.nlp(self._unprocessed(item))

    def docs(self, items: Iterable[dict[str, Any]], batch_size: int = 256) -> Iterator[Doc]:
        """The processed Docs for several items, in order, each as :meth:`doc` gives it (``nlp.pipe``)."""
        return self.nlp.pipe((self._unprocessed(item) for item in items), batch_size=batch_size)

    def _not_relevant_at_once(self, item: dict[str, Any], text: str) -> str | None:
        """Why the item cannot be relevant, decided from its raw text without the pipeline, or None.

        Neither the text, the title nor the URL has a profile word; or the only profile words are those of the
        school's short name ("Queen Elizabeth II visited ..."), which alone never makes an item relevant.
        """
        if self._names is None or _own_site(item, self._domains, self._handles) or _is_review(item):
            return None  # (v6) a review may name nothing: it was collected from the school's own listing
        title = item.get("title")
        parts = [_safe(part) for part in (text[: self.max_chars], title if isinstance(title, str) else "",
                                          _url_words(item.get("url"))) if part]
        naming = {self._names.naming(part) for part in parts} - {NAMES_NOTHING}
        if not naming:
            return relevance.NOT_MENTIONED
        if naming == {NAMES_SHORT_ONLY}:
            return relevance.SHORT_NAME_ONLY
        return None

    def _result(self, item_id: str | int, text: str, doc: Doc | None, reason: str = "") -> dict[str, Any]:
        result: dict[str, Any]
        if doc is None:  # answered without the pipeline
            result = {"id": item_id, "relevant": False, "mentions": [], "flags": [], "severity": "none",
                      "analyser": self.version, "relevance": reason}
        else:
            ext = values(doc)
            relevant = bool(ext.repmon_relevant)
            mentions = []
            if relevant:
                for span in found_in(doc, "repmon_mentions"):
                    start, end = span.start_char, span.end_char
                    mentions.append({"kind": span.label_, "ref": span.kb_id_, "text": text[start:end],
                                     "start": start, "end": end})
            result = {
                "id": item_id,
                "relevant": relevant,
                "mentions": mentions,
                "flags": list(ext.repmon_flags or []) if relevant else [],
                "severity": ext.repmon_severity if relevant else "none",
                "analyser": self.version,
                "relevance": ext.repmon_relevance,
            }
        if len(text) > self.max_chars:
            result["truncated"] = True
            result["analysed_chars"] = self.max_chars
        return result

    def analyse(self, item: dict[str, Any]) -> dict[str, Any]:
        """One contract result for one item; raises InputError when the item lacks a usable id or text."""
        item_id, text = _check_item(item)
        reason = self._not_relevant_at_once(item, text)
        if reason is not None:  # most collected chatter: answered without the pipeline
            return self._result(item_id, text, None, reason)
        with _collector_paused():
            return self._result(item_id, text, self.doc(item))

    def analyse_many(self, items: list[dict[str, Any]], batch_size: int = 256) -> list[dict[str, Any]]:
        """The results for several items, in order: the same as :meth:`analyse` on each, faster (``nlp.pipe``, and
        the text classifier reads a batch at a time). Raises InputError when an item lacks a usable id or text.

        ``batch_size``: Docs each component takes before the next starts (256: ~5% quicker than 64 on the bench,
        each component's tables staying in the CPU caches for more Docs; the results do not depend on it)."""
        checked = [_check_item(item) for item in items]
        reasons = [self._not_relevant_at_once(item, text) for item, (_, text) in zip(items, checked)]
        todo = [i for i, reason in enumerate(reasons) if reason is None]
        with _collector_paused():
            docs = self.docs((items[i] for i in todo), batch_size)
            return [self._result(item_id, text, None if reasons[i] else next(docs), reasons[i] or "")
                    for i, (item_id, text) in enumerate(checked)]


def _dumps(obj: dict[str, Any]) -> str:
    line = json.dumps(obj, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a "\ud800" escape: keep the line writable
        line = json.dumps(obj, ensure_ascii=True)
    return line + "\n"


def _error_line(item_id: Any, message: str) -> str:
    return _dumps({"id": item_id, "error": message})


def analyser_from_settings(profile: Profile, settings: Any) -> Analyser:
    """The Analyser configured by ``analysis.*`` settings (docs/settings.md)."""
    return Analyser(profile, base_model=settings["analysis.spacy_model"] or None, textcat=settings["analysis.textcat"],
                    textcat_path=str(settings["analysis.textcat_path"] or ""))


def _input_waiting(lines: Iterable[str]) -> bool:
    """Whether more of ``lines`` can be read at once: True for a list or a file on disk, and for a pipe or terminal
    with input waiting (``select``); False for one whose writer has not written more yet."""
    fileno = getattr(lines, "fileno", None)
    if fileno is None:
        return True
    try:
        return bool(select.select([fileno()], [], [], 0)[0])
    except (OSError, ValueError):  # (io.UnsupportedOperation is both) no file descriptor, or one select cannot watch
        return True


def _pending_entry(number: int, raw: str) -> tuple[int, Any, dict[str, Any] | None, str] | None:
    """(line number, id, item, "") for a usable input line, (line number, id or None, None, error line) for a bad
    one, or None for a blank one."""
    line = raw.lstrip("\ufeff")
    if not line.strip():
        return None
    try:
        item = json.loads(line)
    except (ValueError, RecursionError) as exc:
        where = f" ({exc.msg} at column {exc.colno})" if isinstance(exc, json.JSONDecodeError) else \
            " (nested too deeply)" if isinstance(exc, RecursionError) else ""
        return (number, None, None, _error_line(None, f"line {number}: not valid JSON{where}; write one "
                                                      "JSON object per line, e.g. {\"id\": \"r-1\", \"text\": \"...\"}."))
    item_id = item.get("id") if isinstance(item, dict) else None
    if isinstance(item_id, bool) or not isinstance(item_id, (str, int)):
        item_id = None
    try:
        _check_item(item)
    except InputError as exc:
        return (number, item_id, None, _error_line(item_id, f"line {number}: {exc}"))
    return (number, item_id, item, "")


def analyse_stream(profile: Profile, lines: Iterable[str], write: Callable[[str], None], settings: Any = None) -> int:
    """Analyse JSON Lines; write one result line (ending in "\\n") per non-blank input line, in order.

    A line that is not valid JSON, not an object, or lacks a usable ``id`` or
    ``text`` gets ``{"id": <id or null>, "error": "..."}`` in its place, and
    the run goes on. Returns the number of such lines (the CLI exits non-zero
    when it is above 0).
    """
    analyser = analyser_from_settings(profile, settings) if settings is not None else Analyser(profile)
    bad = 0
    pending: list[tuple[int, Any, dict[str, Any] | None, str]] = []  # (line number, id, item or None, error line)

    def flush() -> None:
        nonlocal bad
        items = [item for _, _, item, _ in pending if item is not None]
        try:
            results: list[Any] = analyser.analyse_many(items, batch_size=STREAM_BATCH)
        except Exception:  # one item must never stop the run: find it by analysing the batch one at a time
            results = []
            for number, item_id, item, _ in pending:
                if item is None:
                    continue
                try:
                    results.append(analyser.analyse(item))
                except Exception as exc:
                    results.append(_error_line(item_id, f"line {number}: could not be analysed "
                                                        f"({type(exc).__name__}: {exc}); this is a bug in repmon, "
                                                        "please report it with this input line."))
        answers = iter(results)
        for _, _, item, error in pending:
            if item is None:
                write(error)
                continue
            answer = next(answers)
            if isinstance(answer, str):
                bad += 1
                write(answer)
            else:
                write(_dumps(answer))
        pending.clear()

    for number, raw in enumerate(lines, start=1):
        entry = _pending_entry(number, raw)
        if entry is None:
            continue
        pending.append(entry)
        bad += entry[2] is None
        if len(pending) >= STREAM_BATCH or not _input_waiting(lines):
            flush()
    flush()
    return bad
