"""Settings: declared once in repmon/config.py; environment > .env > settings file > default.

Every test runs in its own empty working directory (so no stray ``.env`` or
``repmon.toml`` is picked up) and passes ``environ`` explicitly, so the
developer's own environment never leaks in.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from repmon.config import SETTINGS, env_name, load_settings
from repmon.errors import ConfigError


@pytest.fixture(autouse=True)
def _empty_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ---- defaults and the settings file -------------------------------------


def test_without_file_or_environment_every_setting_has_its_default(tmp_path: Path) -> None:
    settings = load_settings(environ={})

    assert settings.source == "defaults"
    for setting in SETTINGS:
        if setting.type == "path":
            assert settings[setting.key] == tmp_path / setting.default, setting.key
        else:
            assert settings[setting.key] == setting.default, setting.key


def test_a_value_in_repmon_toml_replaces_the_default(tmp_path: Path) -> None:
    write(tmp_path / "repmon.toml", "[collect]\ndepth = 5\n")

    settings = load_settings(environ={})

    assert settings["collect.depth"] == 5


def test_a_settings_file_given_explicitly_is_read(tmp_path: Path) -> None:
    path = write(tmp_path / "conf" / "school.toml", '[smtp]\nhost = "mail.example.org"\n')

    settings = load_settings(path, environ={})

    assert settings["smtp.host"] == "mail.example.org"


def test_repmon_config_names_the_settings_file(tmp_path: Path) -> None:
    path = write(tmp_path / "elsewhere.toml", "[web]\nport = 9000\n")

    settings = load_settings(environ={"REPMON_CONFIG": str(path)})

    assert settings["web.port"] == 9000


# ---- lookup order -------------------------------------------------------


def test_environment_beats_dotenv_and_file(tmp_path: Path) -> None:
    write(tmp_path / "repmon.toml", "[web]\nport = 1111\n")
    write(tmp_path / ".env", "REPMON_WEB_PORT=2222\n")

    settings = load_settings(environ={"REPMON_WEB_PORT": "3333"})

    assert settings["web.port"] == 3333


def test_dotenv_beats_file(tmp_path: Path) -> None:
    write(tmp_path / "repmon.toml", "[web]\nport = 1111\n")
    write(tmp_path / ".env", "REPMON_WEB_PORT=2222\n")

    settings = load_settings(environ={})

    assert settings["web.port"] == 2222


def test_env_var_names_follow_section_and_key() -> None:
    assert env_name("store.db_path") == "REPMON_STORE_DB_PATH"


def test_a_list_comes_from_a_comma_separated_environment_variable() -> None:
    settings = load_settings(environ={"REPMON_RECIPIENTS_DIGEST": "head@school.uk, deputy@school.uk,,"})

    assert settings["recipients.digest"] == ["head@school.uk", "deputy@school.uk"]


def test_a_list_in_the_file_is_a_toml_array(tmp_path: Path) -> None:
    write(tmp_path / "repmon.toml", '[collect]\nfeeds = ["https://a.example/rss", "https://b.example/atom"]\n')

    settings = load_settings(environ={})

    assert settings["collect.feeds"] == ["https://a.example/rss", "https://b.example/atom"]


@pytest.mark.parametrize("text, expected", [("true", True), ("yes", True), ("1", True),
                                            ("false", False), ("off", False), ("0", False)])
def test_booleans_from_the_environment(text: str, expected: bool) -> None:
    settings = load_settings(environ={"REPMON_SMTP_STARTTLS": text})

    assert settings["smtp.starttls"] is expected


# ---- bad values ---------------------------------------------------------


@pytest.mark.parametrize(
    "key, bad",
    [
        ("collect.depth", "two"),
        ("collect.obey_robots", "perhaps"),
        ("alerts.threshold", "urgent"),
        ("collect.download_delay", "soon"),
    ],
)
def test_a_bad_value_from_the_environment_names_the_key_and_the_value(key: str, bad: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(environ={env_name(key): bad})

    message = str(caught.value)
    assert f"'{key}'" in message
    assert repr(bad) in message
    assert env_name(key) in message


@pytest.mark.parametrize(
    "toml, key, shown",
    [
        ("[collect]\ndepth = \"deep\"\n", "collect.depth", "'deep'"),
        ("[collect]\ndepth = 2.5\n", "collect.depth", "2.5"),
        ("[collect]\nobey_robots = 1\n", "collect.obey_robots", "1"),
        ("[collect]\ndownload_delay = true\n", "collect.download_delay", "True"),
        ("[alerts]\nthreshold = \"HIGHEST\"\n", "alerts.threshold", "'HIGHEST'"),
        ("[recipients]\ndigest = [1, 2]\n", "recipients.digest", "[1, 2]"),
    ],
)
def test_a_bad_value_in_the_file_names_the_file_the_key_and_the_value(tmp_path: Path, toml: str, key: str, shown: str) -> None:
    write(tmp_path / "repmon.toml", toml)

    with pytest.raises(ConfigError) as caught:
        load_settings(environ={})

    message = str(caught.value)
    assert "repmon.toml" in message
    assert f"'{key}'" in message
    assert f"got {shown}" in message


def test_a_bad_severity_lists_the_allowed_ones() -> None:
    with pytest.raises(ConfigError, match="none, low, medium, high, critical"):
        load_settings(environ={"REPMON_ALERTS_LETTER_THRESHOLD": "severe"})


def test_an_unknown_key_in_the_file_only_warns_and_suggests_the_nearest(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    write(tmp_path / "repmon.toml", "[store]\ndb_pth = \"x.db\"\n")

    with caplog.at_level(logging.WARNING, logger="repmon.config"):
        settings = load_settings(environ={})

    assert settings["store.db_path"] == tmp_path / "data" / "repmon.db"
    assert "unknown setting 'store.db_pth'" in caplog.text
    assert "Did you mean 'store.db_path'?" in caplog.text


def test_a_key_outside_a_section_is_refused_with_an_example(tmp_path: Path) -> None:
    write(tmp_path / "repmon.toml", "depth = 3\n")

    with pytest.raises(ConfigError, match=r"must be a \[section\] table"):
        load_settings(environ={})


def test_an_explicit_settings_file_that_is_missing_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(tmp_path / "nope.toml", environ={})

    assert "nope.toml: settings file not found" in str(caught.value)
    assert "Copy repmon.toml" in str(caught.value)


def test_repmon_config_pointing_at_a_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="settings file not found"):
        load_settings(environ={"REPMON_CONFIG": str(tmp_path / "nope.toml")})


def test_a_settings_file_that_is_not_toml_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "repmon.toml", "[store\ndb_path = 1\n")

    with pytest.raises(ConfigError, match="not valid TOML .* Fix the line it names"):
        load_settings(environ={})


def test_a_settings_file_that_is_not_utf8_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "repmon.toml").write_bytes('[school]\nsignatory = "Siân"\n'.encode("latin-1"))

    with pytest.raises(ConfigError, match="not UTF-8 text. Save the settings file as UTF-8"):
        load_settings(environ={})


def test_an_override_of_an_unknown_setting_is_refused() -> None:
    settings = load_settings(environ={})

    with pytest.raises(ConfigError, match="no setting named 'store.db'"):
        settings.with_overrides({"store.db": "x.db"})


# ---- paths --------------------------------------------------------------


def test_relative_paths_are_resolved_against_the_settings_files_folder(tmp_path: Path) -> None:
    path = write(tmp_path / "conf" / "repmon.toml", '[store]\ndb_path = "db/school.db"\n')

    settings = load_settings(path, environ={})

    assert settings["store.db_path"] == tmp_path / "conf" / "db" / "school.db"


def test_absolute_paths_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "abs" / "school.db"
    path = write(tmp_path / "conf" / "repmon.toml", f'[store]\ndb_path = "{target.as_posix()}"\n')

    settings = load_settings(path, environ={})

    assert settings["store.db_path"] == target


# ---- secrets ------------------------------------------------------------


def test_secret_reads_the_environment_variable_the_setting_names() -> None:
    settings = load_settings(environ={"REPMON_SMTP_PASSWORD": "s3cret-pw"})

    assert settings.secret("smtp.password_env") == "s3cret-pw"


def test_secret_follows_a_renamed_variable_and_can_come_from_dotenv(tmp_path: Path) -> None:
    write(tmp_path / "repmon.toml", '[smtp]\npassword_env = "SCHOOL_MAIL_PW"\n')
    write(tmp_path / ".env", "SCHOOL_MAIL_PW=from-dotenv\n")

    settings = load_settings(environ={})

    assert settings.secret("smtp.password_env") == "from-dotenv"


def test_an_unset_secret_is_empty() -> None:
    assert load_settings(environ={}).secret("smtp.password_env") == ""


def test_the_secret_is_never_part_of_as_dict() -> None:
    settings = load_settings(environ={"REPMON_SMTP_PASSWORD": "s3cret-pw"})

    values = settings.as_dict()

    assert values["smtp.password_env"] == "REPMON_SMTP_PASSWORD"
    assert "s3cret-pw" not in repr(values)
    assert set(values) == {s.key for s in SETTINGS}


def test_a_secret_written_where_its_variable_name_belongs_is_refused_without_echoing_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "repmon.toml").write_text('[smtp]\npassword_env = "hunter2 secret!"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(environ={})
    assert "smtp.password_env" in str(caught.value) and "hunter2" not in str(caught.value)


def test_a_settings_path_that_is_a_folder_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match="cannot be read"):
        load_settings(tmp_path, environ={})
