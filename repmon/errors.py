"""The errors repmon raises on purpose.

Domain code raises these; only the edges (the CLI, the web app, the
scheduler) turn them into a message for a person. Every message says what
went wrong *and* what to do about it.

    RepmonError
    ├── ConfigError        a setting is missing or has a bad value
    ├── ProfileError       the school profile is malformed
    ├── InputError         an input line or file cannot be used (bad JSON, no text)
    ├── SourceError        a source (site, feed, API) could not be collected
    ├── StoreError         the database cannot be opened or migrated
    └── MailError          an e-mail could not be sent
"""

from __future__ import annotations


class RepmonError(Exception):
    """Base of every error repmon raises deliberately."""


class ConfigError(RepmonError):
    """A setting in repmon.toml, the environment or .env is missing or invalid."""


class ProfileError(RepmonError):
    """The school profile cannot be used. Names the file, the entry and the field."""

    def __init__(self, path: str, entry: str, field: str, problem: str, fix: str = "") -> None:
        self.path = path
        self.entry = entry
        self.field = field
        self.problem = problem
        self.fix = fix
        where = f"{path}: {entry}" + (f", field '{field}'" if field else "")
        message = f"{where}: {problem}"
        if fix:
            message += f" {fix}"
        super().__init__(message)


class InputError(RepmonError):
    """An input line or file cannot be used."""


class SourceError(RepmonError):
    """A source could not be collected (network, parse, or configuration)."""


class StoreError(RepmonError):
    """The database cannot be opened, migrated or written."""


class MailError(RepmonError):
    """An e-mail could not be handed to the SMTP server."""
