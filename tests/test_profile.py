"""The school profile (format fixed in shared docs/contracts.md), read through load_profile."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from repmon.errors import ProfileError
from repmon.profile import load_profile

EXAMPLE_PROFILE = Path(__file__).resolve().parent.parent / "profiles" / "example.toml"

SCHOOL = '[school]\nid = "qehs"\nname = "Queen Elizabeth High School"\n'


def write(tmp_path: Path, text: str, name: str = "profile.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def refused(path: Path) -> ProfileError:
    with pytest.raises(ProfileError) as caught:
        load_profile(path)
    return caught.value


# ---- profiles that load -------------------------------------------------


def test_the_example_profile_loads() -> None:
    profile = load_profile(EXAMPLE_PROFILE)

    assert profile.school.id == "qehs"
    assert "QE High" in profile.school.aliases
    assert profile.person("staff-003").name == "Rhian Pritchard"  # type: ignore[union-attr]
    assert profile.person("pupil-0042").kind == "pupil"  # type: ignore[union-attr]
    assert profile.warnings == ()


def test_a_minimal_profile_has_no_people(tmp_path: Path) -> None:
    profile = load_profile(write(tmp_path, SCHOOL))

    assert profile.school.name == "Queen Elizabeth High School"
    assert profile.people == ()


def test_handles_lose_their_at_and_domains_are_lower_case(tmp_path: Path) -> None:
    path = write(tmp_path, SCHOOL + 'handles = ["@qehs_example"]\ndomains = ["Example-QEHS.sch.uk"]\n')

    school = load_profile(path).school

    assert school.handles == ("qehs_example",)
    assert school.domains == ("example-qehs.sch.uk",)


def test_a_single_alias_string_is_taken_as_a_list_of_one(tmp_path: Path) -> None:
    path = write(tmp_path, SCHOOL + 'aliases = "QEHS"\n')

    assert load_profile(path).school.aliases == ("QEHS",)


# ---- refused profiles: file, entry and field are named -----------------


def test_a_missing_school_section_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, '[[staff]]\nid = "staff-001"\nname = "Dafydd Rees"\n')

    error = refused(path)

    assert str(path) in str(error)
    assert "[school]" in str(error)
    assert "Add a [school] table with id and name." in str(error)


def test_a_staff_id_used_twice_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, SCHOOL + (
        '[[staff]]\nid = "staff-001"\nname = "Dafydd Rees"\n'
        '[[staff]]\nid = "staff-001"\nname = "Siân Howells"\n'
    ))

    error = refused(path)

    assert (error.path, error.entry, error.field) == (str(path), "staff[1] (id 'staff-001')", "id")
    assert "already used by staff[0]" in str(error)
    assert "Every id in a profile must be unique." in str(error)


def test_a_pupil_with_a_staff_id_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, SCHOOL + (
        '[[staff]]\nid = "p-1"\nname = "Dafydd Rees"\n'
        '[[pupils]]\nid = "p-1"\nname = "Cai Llewelyn"\n'
    ))

    error = refused(path)

    assert (error.path, error.entry, error.field) == (str(path), "pupils[0] (id 'p-1')", "id")
    assert "already used by staff[0]" in str(error)


@pytest.mark.parametrize("name_line", ['name = ""\n', 'name = "   "\n', ""])
def test_a_person_without_a_name_is_refused(tmp_path: Path, name_line: str) -> None:
    path = write(tmp_path, SCHOOL + '[[staff]]\nid = "staff-001"\n' + name_line)

    error = refused(path)

    assert (error.path, error.entry, error.field) == (str(path), "staff[0] (id 'staff-001')", "name")
    assert "Give the full name as the school writes it." in str(error)


def test_a_school_without_a_name_is_refused(tmp_path: Path) -> None:
    error = refused(write(tmp_path, '[school]\nid = "qehs"\n'))

    assert (error.entry, error.field) == ("[school]", "name")


def test_a_person_without_an_id_is_refused(tmp_path: Path) -> None:
    error = refused(write(tmp_path, SCHOOL + '[[pupils]]\nname = "Cai Llewelyn"\n'))

    assert (error.entry, error.field) == ("pupils[0]", "id")
    assert "Give every entry a short, stable id" in str(error)


@pytest.mark.parametrize("school_id", ["QEHS", "qe hs", "qehs_1", "qéhs"])
def test_a_school_id_outside_a_z_0_9_and_dash_is_refused(tmp_path: Path, school_id: str) -> None:
    path = write(tmp_path, f'[school]\nid = "{school_id}"\nname = "Queen Elizabeth High School"\n')

    error = refused(path)

    assert (error.entry, error.field) == ("[school]", "id")
    assert "may use only a-z, 0-9 and '-'" in str(error)


def test_aliases_that_are_not_a_list_of_strings_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, SCHOOL + '[[staff]]\nid = "staff-001"\nname = "Dafydd Rees"\naliases = 3\n')

    error = refused(path)

    assert (error.entry, error.field) == ("staff[0] (id 'staff-001')", "aliases")
    assert 'e.g. ["one", "two"]' in str(error)


def test_a_file_that_is_not_toml_is_refused(tmp_path: Path) -> None:
    error = refused(write(tmp_path, "[school\nid = qehs\n"))

    assert "is not valid TOML" in str(error)
    assert "Fix the line it names." in str(error)


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "profile.toml"
    path.write_bytes((SCHOOL + 'places = ["Sir Gâr"]\n').encode("latin-1"))

    error = refused(path)

    assert "is not UTF-8 text. Save the profile as UTF-8." in str(error)


def test_a_missing_profile_file_is_refused(tmp_path: Path) -> None:
    error = refused(tmp_path / "nope.toml")

    assert "not found" in str(error)
    assert "Pass --profile" in str(error)


# ---- unknown keys only warn ---------------------------------------------


def test_an_unknown_key_warns_with_the_nearest_known_key_and_the_profile_loads(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write(tmp_path, SCHOOL + '[[staff]]\nid = "staff-001"\nname = "Dafydd Rees"\nalias = ["Mr R"]\n')

    with caplog.at_level(logging.WARNING, logger="repmon.profile"):
        profile = load_profile(path)

    assert profile.staff[0].name == "Dafydd Rees"
    assert profile.staff[0].extra == {"alias": ["Mr R"]}
    assert len(profile.warnings) == 1
    assert "unknown key 'alias'; did you mean 'aliases'?" in profile.warnings[0]
    assert profile.warnings[0] in caplog.text


def test_an_unknown_key_unlike_any_known_one_is_kept_without_a_suggestion(tmp_path: Path) -> None:
    profile = load_profile(write(tmp_path, SCHOOL + 'motto = "Semper"\n'))

    assert profile.school.extra == {"motto": "Semper"}
    assert profile.warnings == (f"{tmp_path / 'profile.toml'}: [school]: unknown key 'motto'; it is kept but not used",)


# ---- pupils from a CSV export ------------------------------------------

CSV_PROFILE = SCHOOL + '[pupils_csv]\npath = "pupils.csv"\n'


def test_pupils_are_read_from_a_csv_next_to_the_profile(tmp_path: Path) -> None:
    (tmp_path / "pupils.csv").write_text(
        "id,name,aliases\npupil-0042,Cai Llewelyn,\npupil-0043,Megan Thomas-Price,Meg Thomas-Price; Meg TP\n",
        encoding="utf-8",
    )

    profile = load_profile(write(tmp_path, CSV_PROFILE))

    assert [(p.id, p.name, p.aliases) for p in profile.pupils] == [
        ("pupil-0042", "Cai Llewelyn", ()),
        ("pupil-0043", "Megan Thomas-Price", ("Meg Thomas-Price", "Meg TP")),
    ]


def test_a_csv_saved_by_excel_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    (tmp_path / "pupils.csv").write_bytes("\ufeffid,name\npupil-0044,Osian Bowen\n".encode("utf-8"))

    profile = load_profile(write(tmp_path, CSV_PROFILE))

    assert profile.pupils[0].id == "pupil-0044"


def test_a_missing_csv_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, CSV_PROFILE)

    error = refused(path)

    assert (error.path, error.entry, error.field) == (str(path), "pupils_csv", "path")
    assert "pupils.csv not found" in str(error)
    assert "Export id,name from the MIS to that path." in str(error)


def test_a_csv_without_a_name_column_is_refused(tmp_path: Path) -> None:
    (tmp_path / "pupils.csv").write_text("id,full_name\npupil-0042,Cai Llewelyn\n", encoding="utf-8")

    error = refused(write(tmp_path, CSV_PROFILE))

    assert error.path == str(tmp_path / "pupils.csv")
    assert "must have columns id and name" in str(error)


def test_a_csv_row_without_a_name_names_its_line(tmp_path: Path) -> None:
    (tmp_path / "pupils.csv").write_text("id,name\npupil-0042,Cai Llewelyn\npupil-0043,\n", encoding="utf-8")

    error = refused(write(tmp_path, CSV_PROFILE))

    assert (error.entry, error.field) == ("pupils.csv line 3", "name")


def test_a_csv_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    (tmp_path / "pupils.csv").write_bytes("id,name\npupil-0042,Siân Howells\n".encode("cp1252"))

    error = refused(write(tmp_path, CSV_PROFILE))

    assert error.path == str(tmp_path / "pupils.csv")
    assert "is not UTF-8 text" in str(error)
    assert "CSV UTF-8" in str(error)


def test_a_csv_pupil_with_an_id_already_in_the_profile_is_refused(tmp_path: Path) -> None:
    (tmp_path / "pupils.csv").write_text("id,name\nstaff-001,Cai Llewelyn\n", encoding="utf-8")
    path = write(tmp_path, CSV_PROFILE + '[[staff]]\nid = "staff-001"\nname = "Dafydd Rees"\n')

    error = refused(path)

    assert error.field == "id"
    assert "duplicate id 'staff-001'" in str(error)


def test_a_duplicate_id_in_the_csv_names_the_csv_line(tmp_path: Path) -> None:
    (tmp_path / "pupils.csv").write_text("id,name\npupil-0042,Cai Llewelyn\npupil-0042,Osian Bowen\n",
                                         encoding="utf-8")

    error = refused(write(tmp_path, CSV_PROFILE))

    assert (error.path, error.entry, error.field) == (str(tmp_path / "pupils.csv"), "line 3 (id 'pupil-0042')", "id")


def test_a_csv_path_that_is_a_folder_is_refused_with_a_message(tmp_path: Path) -> None:
    (tmp_path / "pupils.csv").mkdir()

    error = refused(write(tmp_path, CSV_PROFILE))

    assert error.field == "path" and "cannot be read" in str(error)
