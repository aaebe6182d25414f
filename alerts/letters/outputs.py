"""A letter's files: ``.txt`` (letter, then notes for the approver), ``.eml`` draft and ``.docx``.

All three are written whole or not at all, and rewritten when a person edits
the letter (:func:`alerts.letters.workflow.edit_letter`). The ``.eml`` is
marked ``X-Unsent: 1`` so mail clients open it as a draft; it has no ``To``
until a person adds one. Nothing here sends anything.
"""

from __future__ import annotations

import email
import email.policy
import io
import os
import tempfile
from collections.abc import Mapping, Sequence
from email.message import EmailMessage
from pathlib import Path

from alerts import excerpt

SUFFIXES = (".txt", ".eml", ".docx")


def write_atomic(path: Path, data: bytes) -> None:
    """Write a whole file or nothing (a reader never sees half a letter)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def text_file(letter: str, notes: str) -> bytes:
    return (letter.rstrip("\n") + "\n\n" + notes).encode("utf-8") if notes else (letter.rstrip("\n") + "\n").encode()


def eml_draft(letter: str, headers: Mapping[str, str]) -> bytes:
    message = EmailMessage()
    message["X-Unsent"] = "1"  # opens as a draft in mail clients; a person adds To and sends it
    for name, value in headers.items():
        if value:
            message[name] = excerpt.one_line(value, 200)
    message.set_content(letter)
    return message.as_bytes()


def docx_file(letter: str, title: str) -> bytes:
    """The letter as a Word document: the title as a heading, then one paragraph per block of lines."""
    from docx import Document  # imported here: only letters need it
    from docx.shared import Pt

    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    document.core_properties.title = excerpt.one_line(title, 200)
    document.core_properties.comments = "Draft written by repmon: check, complete and approve before sending."
    for block in letter.strip("\n").split("\n\n"):
        lines = block.split("\n")
        paragraph = document.add_paragraph()
        for i, line in enumerate(lines):
            run = paragraph.add_run(_xml_safe(line))
            if i < len(lines) - 1:
                run.add_break()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xml_safe(text: str) -> str:
    """Word (XML) refuses control characters; scraped text may hold them."""
    return "".join(ch for ch in text if ch in "\t" or ord(ch) >= 0x20)


def write_all(folder: Path, stem: str, *, letter: str, notes: str, title: str,
              headers: Mapping[str, str]) -> list[str]:
    """Write the three files for a letter; return their paths (.txt, .eml, .docx)."""
    paths = [folder / f"{stem}{suffix}" for suffix in SUFFIXES]
    write_atomic(paths[0], text_file(letter, notes))
    write_atomic(paths[1], eml_draft(letter, headers))
    write_atomic(paths[2], docx_file(letter, title))
    return [str(p) for p in paths]


def rewrite(files: Sequence[str], *, letter: str, notes: str, title: str) -> list[str]:
    """Write an edited letter over its files, keeping the draft e-mail's headers; return the paths."""
    by_suffix = {Path(f).suffix: Path(f) for f in files}
    if ".txt" not in by_suffix:
        return list(files)
    folder, stem = by_suffix[".txt"].parent, by_suffix[".txt"].stem
    headers: dict[str, str] = {"Subject": title}
    eml = by_suffix.get(".eml")
    if eml is not None and eml.is_file():
        old = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
        headers = {name: str(value) for name, value in old.items()
                   if name.lower() not in ("x-unsent", "content-type", "content-transfer-encoding", "mime-version")}
    return write_all(folder, stem, letter=letter, notes=notes, title=title, headers=headers)
