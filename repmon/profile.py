"""The school profile: who the monitor watches for (format fixed in contracts.md).

``load_profile(path)`` reads and validates a profile. A missing ``[school]``,
a duplicate ``id`` or an empty name is refused with a :class:`ProfileError`
naming the file, the entry and the field. Unknown keys are allowed by the
contract: they are kept in ``extra`` and reported as warnings that name the
nearest known key.
"""

from __future__ import annotations

import csv
import difflib
import io
import logging
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from repmon.errors import ProfileError

log = logging.getLogger(__name__)

SCHOOL_KEYS = ("id", "name", "aliases", "places", "domains", "handles", "decoys")
STAFF_KEYS = ("id", "name", "titles", "role", "aliases")
PUPIL_KEYS = ("id", "name", "aliases")
TOP_KEYS = ("school", "staff", "pupils", "pupils_csv")
SCHOOL_ID = re.compile(r"^[a-z0-9-]+$")


@dataclass(frozen=True)
class School:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()
    decoys: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Person:
    kind: str  # "staff" or "pupil"
    id: str
    name: str
    titles: tuple[str, ...] = ()
    role: str = ""
    aliases: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Profile:
    path: Path
    school: School
    staff: tuple[Person, ...]
    pupils: tuple[Person, ...]
    warnings: tuple[str, ...] = ()

    @property
    def people(self) -> tuple[Person, ...]:
        return self.staff + self.pupils

    def person(self, ref: str) -> Person | None:
        for p in self.people:
            if p.id == ref:
                return p
        return None


def _warn_unknown(path: Path, entry: str, data: dict[str, Any], known: tuple[str, ...], warnings: list[str]) -> dict[str, Any]:
    extra = {}
    for key in data:
        if key in known:
            continue
        extra[key] = data[key]
        near = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f"; did you mean '{near[0]}'?" if near else "; it is kept but not used"
        warnings.append(f"{path}: {entry}: unknown key '{key}'{hint}")
    return extra


def _text(path: Path, entry: str, data: dict[str, Any], key: str, required: bool) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise ProfileError(str(path), entry, key, f"must be text, got {type(value).__name__}.")
    value = value.strip()
    if required and not value:
        raise ProfileError(str(path), entry, key, "is missing or empty.", _FIX.get(key, ""))
    return value


def _strings(path: Path, entry: str, data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if isinstance(value, str):  # a single string where a list was meant: accept it
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProfileError(str(path), entry, key, "must be a list of strings, e.g. [\"one\", \"two\"].")
    return tuple(v.strip() for v in value if v.strip())


_FIX = {
    "id": "Give every entry a short, stable id (for example \"staff-003\").",
    "name": "Give the full name as the school writes it.",
}


def _entry_label(section: str, index: int, data: dict[str, Any]) -> str:
    ident = data.get("id")
    label = f"{section}[{index}]"
    return f"{label} (id '{ident}')" if isinstance(ident, str) and ident else label


def _person(path: Path, kind: str, section: str, index: int, data: Any, known: tuple[str, ...], warnings: list[str]) -> Person:
    if not isinstance(data, dict):
        raise ProfileError(str(path), f"{section}[{index}]", "", "must be a table ([[staff]] / [[pupils]] entry).")
    entry = _entry_label(section, index, data)
    extra = _warn_unknown(path, entry, data, known, warnings)
    return Person(
        kind=kind,
        id=_text(path, entry, data, "id", required=True),
        name=_text(path, entry, data, "name", required=True),
        titles=_strings(path, entry, data, "titles") if "titles" in known else (),
        role=_text(path, entry, data, "role", required=False) if "role" in known else "",
        aliases=_strings(path, entry, data, "aliases"),
        extra=extra,
    )


def _pupils_from_csv(path: Path, spec: Any, warnings: list[str]) -> list[Person]:
    if not isinstance(spec, dict) or not isinstance(spec.get("path"), str):
        raise ProfileError(str(path), "pupils_csv", "path", "must be a table with path = \"pupils.csv\".")
    csv_path = (path.parent / spec["path"]).resolve()
    if not csv_path.exists():
        raise ProfileError(str(path), "pupils_csv", "path", f"file {csv_path} not found.", "Export id,name from the MIS to that path.")
    try:
        text = csv_path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProfileError(str(csv_path), "file", "", "is not UTF-8 text.",
                           "Export the CSV as UTF-8 (in Excel: Save As 'CSV UTF-8').") from None
    except OSError as exc:
        raise ProfileError(str(path), "pupils_csv", "path", f"{csv_path} cannot be read ({exc.strerror}).",
                           "Point it at the CSV file exported from the MIS.") from None
    pupils: list[Person] = []
    with io.StringIO(text, newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "id" not in reader.fieldnames or "name" not in reader.fieldnames:
            raise ProfileError(str(csv_path), "header", "id,name", "the CSV must have columns id and name (and optionally aliases).")
        for row_no, row in enumerate(reader, start=2):
            entry = f"{csv_path.name} line {row_no}"
            pid = (row.get("id") or "").strip()
            name = (row.get("name") or "").strip()
            if not pid:
                raise ProfileError(str(csv_path), entry, "id", "is missing or empty.", _FIX["id"])
            if not name:
                raise ProfileError(str(csv_path), entry, "name", "is missing or empty.", _FIX["name"])
            aliases = tuple(a.strip() for a in (row.get("aliases") or "").split(";") if a.strip())
            pupils.append(Person(kind="pupil", id=pid, name=name, aliases=aliases,
                                 extra={"csv": str(csv_path), "csv_line": row_no}))
    return pupils


def load_profile(path: str | Path) -> Profile:
    """Read and validate a profile file; raise ProfileError naming file, entry and field."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ProfileError(str(path), "file", "", "not found.", "Pass --profile with the path of the school's profile.") from None
    except OSError as exc:
        raise ProfileError(str(path), "file", "", f"cannot be read ({exc.strerror}).",
                           "Pass --profile with the path of the school's profile file.") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ProfileError(str(path), "file", "", "is not UTF-8 text.", "Save the profile as UTF-8.") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(str(path), "file", "", f"is not valid TOML ({exc}).", "Fix the line it names.") from None

    warnings: list[str] = []
    _warn_unknown(path, "top level", data, TOP_KEYS, warnings)

    school_data = data.get("school")
    if not isinstance(school_data, dict):
        raise ProfileError(str(path), "[school]", "", "section is missing.", "Add a [school] table with id and name.")
    extra = _warn_unknown(path, "[school]", school_data, SCHOOL_KEYS, warnings)
    school = School(
        id=_text(path, "[school]", school_data, "id", required=True),
        name=_text(path, "[school]", school_data, "name", required=True),
        aliases=_strings(path, "[school]", school_data, "aliases"),
        places=_strings(path, "[school]", school_data, "places"),
        domains=tuple(d.lower() for d in _strings(path, "[school]", school_data, "domains")),
        handles=tuple(h.lstrip("@") for h in _strings(path, "[school]", school_data, "handles")),
        decoys=_strings(path, "[school]", school_data, "decoys"),
        extra=extra,
    )
    if not SCHOOL_ID.match(school.id):
        raise ProfileError(str(path), "[school]", "id", f"'{school.id}' may use only a-z, 0-9 and '-'.")

    staff_data = data.get("staff", [])
    pupil_data = data.get("pupils", [])
    for section, value in (("staff", staff_data), ("pupils", pupil_data)):
        if not isinstance(value, list):
            raise ProfileError(str(path), section, "", f"must be a list of [[{section}]] tables.")
    staff = [_person(path, "staff", "staff", i, d, STAFF_KEYS, warnings) for i, d in enumerate(staff_data)]
    pupils = [_person(path, "pupil", "pupils", i, d, PUPIL_KEYS, warnings) for i, d in enumerate(pupil_data)]
    if "pupils_csv" in data:
        pupils += _pupils_from_csv(path, data["pupils_csv"], warnings)

    seen: dict[str, str] = {school.id: "[school]"}
    for section, people in (("staff", staff), ("pupils", pupils)):
        for index, person in enumerate(people):
            entry = f"{section}[{index}] (id '{person.id}')"
            where = str(path)
            if "csv_line" in person.extra:  # a pupil from the MIS export: name its line
                where, entry = person.extra["csv"], f"line {person.extra['csv_line']} (id '{person.id}')"
            if person.id in seen:
                raise ProfileError(
                    where, entry, "id", f"duplicate id '{person.id}', already used by {seen[person.id]}.",
                    "Every id in a profile must be unique.",
                )
            seen[person.id] = entry

    for message in warnings:
        log.warning("%s", message)
    return Profile(path=path, school=school, staff=tuple(staff), pupils=tuple(pupils), warnings=tuple(warnings))
