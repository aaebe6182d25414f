"""Every setting repmon reads, declared once: name, type, default and help.

Values are looked up in this order, first found wins:

1. the environment: ``REPMON_<SECTION>_<KEY>`` (``store.db_path`` ->
   ``REPMON_STORE_DB_PATH``); lists are comma-separated;
2. a ``.env`` file in the working directory (same names; git-ignored);
3. the settings file (``repmon.toml``, or the file given with ``--config``
   or ``REPMON_CONFIG``), as ``[section] key = value``;
4. the default declared below.

Secrets are never settings: a setting such as ``smtp.password_env`` names the
environment variable that holds the secret, and :meth:`Settings.secret` reads
it from the environment or ``.env``.
"""

from __future__ import annotations

import logging
import os
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dotenv import dotenv_values

from repmon.errors import ConfigError

log = logging.getLogger(__name__)

SEVERITIES = ("none", "low", "medium", "high", "critical")


@dataclass(frozen=True)
class Setting:
    key: str
    type: str  # str | int | float | bool | list | path | severity | envvar
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    # where the school profile lives
    Setting("profile.path", "path", "profiles/example.toml", "The school profile (TOML, see docs/contracts in shared docs)."),
    # the store
    Setting("store.db_path", "path", "data/repmon.db", "SQLite database file (created and migrated on first use)."),
    Setting("store.evidence_dir", "path", "data/evidence", "Folder for WARC evidence files; only ever added to."),
    Setting("store.letters_dir", "path", "data/letters", "Folder where takedown letter drafts are written."),
    Setting("store.max_text_chars", "int", 200_000, "Longest item text kept; longer scraped text is cut to this."),
    # collection from the web
    Setting("collect.start_urls", "list", [], "Pages to crawl (watched sites)."),
    Setting("collect.feeds", "list", [], "RSS/Atom feeds to read; each entry's page is fetched too."),
    Setting("collect.allowed_domains", "list", [], "Domains the crawler may follow links into (default: the hosts of start_urls and feeds)."),
    Setting("collect.depth", "int", 2, "How many links deep to follow from a start URL."),
    Setting("collect.max_body_bytes", "int", 5_000_000, "Largest response body fetched; bigger ones are skipped and counted."),
    Setting("collect.contact", "str", "", "Contact e-mail or URL put in the User-Agent so site owners can reach the school."),
    Setting("collect.obey_robots", "bool", True, "Obey robots.txt."),
    Setting("collect.concurrency_per_domain", "int", 2, "Parallel requests per domain."),
    Setting("collect.download_delay", "float", 1.0, "Seconds between requests to one domain (AutoThrottle adapts from here)."),
    Setting("collect.timeout", "int", 30, "Seconds before a request is abandoned."),
    Setting("collect.max_minutes", "float", 60.0, "Longest a crawl may run; it is then closed and what it found is kept."),
    # alerts
    Setting("alerts.threshold", "severity", "medium", "Lowest severity that opens an alert: none, low, medium, high or critical."),
    Setting("alerts.letter_threshold", "severity", "high", "Lowest severity for which a takedown letter is drafted automatically."),
    Setting("alerts.app_url", "str", "http://127.0.0.1:8080", "Base URL of the triage web app, used for links in e-mails."),
    # e-mail
    Setting("smtp.host", "str", "127.0.0.1", "SMTP server host."),
    Setting("smtp.port", "int", 25, "SMTP server port."),
    Setting("smtp.user", "str", "", "SMTP user name (empty: no authentication)."),
    Setting("smtp.password_env", "envvar", "REPMON_SMTP_PASSWORD", "Name of the environment variable that holds the SMTP password."),
    Setting("smtp.starttls", "bool", False, "Use STARTTLS (set true for any server that is not on this machine)."),
    Setting("smtp.sender", "str", "repmon@localhost", "From address of repmon's e-mails."),
    Setting("smtp.timeout", "int", 30, "Seconds before the SMTP connection is abandoned."),
    Setting("recipients.digest", "list", [], "Senior leaders who get the daily digest."),
    Setting("recipients.critical", "list", [], "Safeguarding lead and head teacher, e-mailed at once about critical items."),
    # the school as a sender of letters
    Setting("school.address", "str", "", "The school's postal address, printed on letters."),
    Setting("school.email", "str", "", "The school's contact e-mail for letters."),
    Setting("school.signatory", "str", "", "Who signs letters (name)."),
    Setting("school.signatory_role", "str", "Head Teacher", "The signatory's role."),
    # timetable (used by scheduler.py)
    Setting("schedule.timezone", "str", "Europe/London", "Time zone of the schedule."),
    Setting("schedule.collect_minutes", "int", 60, "Minutes between collection runs. Not read yet: used by the scheduler when it lands."),
    Setting("schedule.digest_time", "str", "07:30", "Time of day (HH:MM) the digest is sent. Not read yet: used by the scheduler when it lands."),
    # web app
    Setting("web.host", "str", "127.0.0.1", "Address the web app listens on. Not read yet: used by the web app when it lands."),
    Setting("web.port", "int", 8080, "Port the web app listens on. Not read yet: used by the web app when it lands."),
    # -- analysis (nlp/) --
    # -- web collection (spiders/) --
    # -- evidence capture and export (evidence) --
    # -- social sources (social/) --
    # -- alerts, digest, letters, removal checks (alerts/) --
    # -- web app accounts and security (web/) --
    # -- scheduler, retention, backups (scheduler.py) --
)

_BY_KEY = {s.key: s for s in SETTINGS}


def env_name(key: str) -> str:
    return "REPMON_" + key.upper().replace(".", "_")


def _cast(setting: Setting, value: Any, origin: str) -> Any:
    """Turn a raw value into the setting's type, or say exactly what is wrong."""

    def bad(expected: str) -> ConfigError:
        return ConfigError(
            f"{origin}: setting '{setting.key}' must be {expected}, got {value!r}. ({setting.help})"
        )

    kind = setting.type
    if kind in ("str", "path"):
        if not isinstance(value, str):
            raise bad("a string")
        return value
    if kind == "envvar":  # the *name* of a variable holding a secret; never echo a value that is not one
        if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", value):
            raise ConfigError(
                f"{origin}: setting '{setting.key}' must be the name of an environment variable "
                "(letters, digits and _), such as REPMON_SMTP_PASSWORD. Put the secret itself in that variable "
                "or in .env, never in the settings file."
            )
        return value
    if kind == "severity":
        if not isinstance(value, str) or value not in SEVERITIES:
            raise bad("one of " + ", ".join(SEVERITIES))
        return value
    if kind == "int":
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            raise bad("a whole number")
        try:
            return int(value)
        except (TypeError, ValueError):
            raise bad("a whole number") from None
    if kind == "float":
        if isinstance(value, bool):
            raise bad("a number")
        try:
            return float(value)
        except (TypeError, ValueError):
            raise bad("a number") from None
    if kind == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("1", "true", "yes", "on"):
            return True
        if isinstance(value, str) and value.strip().lower() in ("0", "false", "no", "off", ""):
            return False
        raise bad("true or false")
    if kind == "list":
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return list(value)
        raise bad("a list of strings")
    raise AssertionError(f"unknown setting type {kind}")


class Settings(Mapping[str, Any]):
    """Typed, read-only settings. ``settings["store.db_path"]``."""

    def __init__(self, values: dict[str, Any], base_dir: Path, source: str, env: Mapping[str, str]) -> None:
        self._values = values
        self.base_dir = base_dir
        self.source = source
        self._env = env

    def __getitem__(self, key: str) -> Any:
        if key not in _BY_KEY:
            raise KeyError(f"no setting named {key!r}")
        value = self._values[key]
        if _BY_KEY[key].type == "path":
            path = Path(value).expanduser()
            return path if path.is_absolute() else self.base_dir / path
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def secret(self, key: str) -> str:
        """The secret held in the environment variable that setting ``key`` names ('' if unset)."""
        var = self[key]
        return self._env.get(var, "") if var else ""

    def with_overrides(self, overrides: Mapping[str, Any]) -> Settings:
        """A copy with some values replaced (used by the demo and tests)."""
        values = dict(self._values)
        for key, value in overrides.items():
            if key not in _BY_KEY:
                raise ConfigError(f"no setting named '{key}'; known settings are listed in docs/settings.md")
            values[key] = _cast(_BY_KEY[key], value, "override")
        return Settings(values, self.base_dir, self.source, self._env)

    def as_dict(self) -> dict[str, Any]:
        """Plain values (paths resolved, as strings) for handing to a child process."""
        return {key: str(self[key]) if _BY_KEY[key].type == "path" else self[key] for key in self._values}


def _flatten(data: dict[str, Any], path: Path) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for section, body in data.items():
        if not isinstance(body, dict):
            raise ConfigError(
                f"{path}: '{section}' must be a [section] table; every setting lives in one "
                "(for example [store] db_path = \"data/repmon.db\")."
            )
        for key, value in body.items():
            flat[f"{section}.{key}"] = value
    return flat


def load_settings(path: str | Path | None = None, environ: Mapping[str, str] | None = None,
                  dotenv: bool = True) -> Settings:
    """Read settings from the environment, ``.env``, the settings file and the defaults.

    ``path`` is the settings file; if None, ``REPMON_CONFIG`` or ``./repmon.toml``
    is used when it exists. A path given explicitly must exist. ``dotenv=False``
    leaves ``./.env`` unread (the demo must never pick up a school's real settings).
    """
    env = dict(os.environ if environ is None else environ)
    dotenv_file = Path.cwd() / ".env"
    dotenv_vars = ({k: v for k, v in dotenv_values(dotenv_file).items() if v is not None}
                   if dotenv and dotenv_file.is_file() else {})
    merged_env = {**dotenv_vars, **env}

    explicit = path is not None or "REPMON_CONFIG" in merged_env
    file_path = Path(path if path is not None else merged_env.get("REPMON_CONFIG", "repmon.toml"))
    file_values: dict[str, Any] = {}
    if file_path.exists():
        try:
            file_values = _flatten(tomllib.loads(file_path.read_text(encoding="utf-8")), file_path)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{file_path}: not valid TOML ({exc}). Fix the line it names.") from None
        except UnicodeDecodeError:
            raise ConfigError(f"{file_path}: not UTF-8 text. Save the settings file as UTF-8.") from None
        except OSError as exc:
            raise ConfigError(f"{file_path}: cannot be read ({exc.strerror}). Point --config or REPMON_CONFIG "
                              "at the settings file.") from None
        base_dir = file_path.resolve().parent
        source = str(file_path)
    elif explicit:
        raise ConfigError(f"{file_path}: settings file not found. Copy repmon.toml from the repository and edit it.")
    else:
        base_dir = Path.cwd()
        source = "defaults"

    for key in file_values:
        if key not in _BY_KEY:
            import difflib

            near = difflib.get_close_matches(key, _BY_KEY, n=1)
            hint = f" Did you mean '{near[0]}'?" if near else ""
            log.warning("%s: unknown setting '%s' is ignored.%s", file_path, key, hint)

    values: dict[str, Any] = {}
    for setting in SETTINGS:
        name = env_name(setting.key)
        if name in env:
            values[setting.key] = _cast(setting, env[name], f"environment variable {name}")
        elif name in dotenv_vars:
            values[setting.key] = _cast(setting, dotenv_vars[name], f".env {name}")
        elif setting.key in file_values:
            values[setting.key] = _cast(setting, file_values[setting.key], str(file_path))
        else:
            values[setting.key] = setting.default
    return Settings(values, base_dir, source, merged_env)
