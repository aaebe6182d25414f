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
    Setting("schedule.collect_minutes", "float", 60.0, "Minutes between crawls of the watched sites and feeds."),
    Setting("schedule.digest_time", "str", "07:30", "Time of day (HH:MM, or HH:MM:SS) the digest is sent, on school days."),
    # web app
    Setting("web.host", "str", "127.0.0.1", "Address the triage web app (`repmon web`) listens on; 127.0.0.1 keeps it on this machine."),
    Setting("web.port", "int", 8080, "Port the triage web app (`repmon web`) listens on."),
    # -- analysis (nlp/) --
    Setting("analysis.spacy_model", "str", "", "An installed spaCy package (e.g. en_core_web_sm) to run before the rules; empty: none is needed."),
    Setting("analysis.textcat", "bool", True, "Use the trained text classifier (built by make venv) beside the rules when it exists."),
    Setting("analysis.textcat_path", "str", "", "Folder of the trained text classifier; empty: nlp/model/textcat. "
            "Its context reader is read from the folder of the same name ending -context."),
    # -- web collection (spiders/) --
    Setting("collect.sitemaps", "list", [], "Sitemaps to read (a sitemap, a sitemap index, or a robots.txt whose Sitemap: lines are read); their recent pages are fetched."),
    Setting("collect.discover_sitemaps", "bool", True, "Also read the sitemaps named in each start URL's robots.txt (or its /sitemap.xml when none is named)."),
    Setting("collect.sitemap_max_age_days", "int", 30, "Sitemap entries whose lastmod is older than this many days are skipped (0: none skipped)."),
    Setting("collect.max_sitemap_urls", "int", 2000, "Most pages taken from one sitemap."),
    Setting("collect.conditional_requests", "bool", True, "Send If-None-Match/If-Modified-Since from the last crawl, so unchanged pages cost a 304."),
    Setting("collect.max_thread_pages", "int", 20, "Most further pages followed in one paginated thread or list (rel=next, Next, page 2); they do not count towards collect.depth."),
    Setting("collect.max_links_per_page", "int", 300, "Most content links followed from one page."),
    Setting("collect.news_search_feeds", "list", [], "News-search feed URL templates, {query} replaced by each profile query, e.g. https://news.google.com/rss/search?q={query}&hl=en-GB&gl=GB&ceid=GB:en"),
    Setting("search.max_queries", "int", 8, "Most search queries built from the profile (school name and aliases) per engine and run."),
    Setting("search.daily_results", "int", 100, "Most search-engine API results per engine per day (kept in the store)."),
    Setting("search.pages_per_query", "int", 1, "Result pages asked for per query."),
    Setting("search.brave_url", "str", "https://api.search.brave.com/res/v1/web/search", "Brave Search API web-search endpoint."),
    Setting("search.brave_key_env", "envvar", "REPMON_BRAVE_API_KEY", "Name of the environment variable that holds the Brave Search API key (no key: Brave is off)."),
    Setting("search.google_url", "str", "https://www.googleapis.com/customsearch/v1", "Google Programmable Search (Custom Search JSON API) endpoint."),
    Setting("search.google_key_env", "envvar", "REPMON_GOOGLE_API_KEY", "Name of the environment variable that holds the Google API key (no key: Google search is off)."),
    Setting("search.google_cx", "str", "", "The Programmable Search Engine id (cx) to search with."),
    # -- evidence capture and export (evidence) --
    Setting("evidence.allow_networks", "list", [], "Private networks (CIDR, e.g. 10.20.0.0/16) that `repmon capture`, re-capture and screenshots may reach; every other private, loopback, link-local, multicast or reserved address is refused."),
    Setting("evidence.max_body_bytes", "int", 10_000_000, "Largest page `repmon capture` and re-capture keep; a bigger one is refused, not cut."),
    Setting("evidence.timeout", "int", 30, "Seconds before a capture, re-capture or timestamp request is abandoned."),
    Setting("evidence.max_redirects", "int", 5, "Most redirects a capture follows (each one checked against the address rules)."),
    Setting("evidence.screenshots", "bool", True, "Take a full-page screenshot of flagged and reported pages in headless Chromium."),
    Setting("evidence.chromium_path", "str", "", "The Chromium binary for screenshots (default: `chromium` or `chromium-browser` on PATH; Debian package `chromium`)."),
    Setting("evidence.screenshot_width", "int", 1280, "Width in pixels of the browser window for screenshots."),
    Setting("evidence.screenshot_timeout", "int", 60, "Seconds a screenshot may take (page load and capture) before it is abandoned."),
    Setting("evidence.recapture_states", "list", ["open", "acknowledged", "escalated", "takedown"], "Alert states whose pages are re-captured on schedule, so edits and deletions are on record."),
    Setting("evidence.tsa_url", "str", "", "RFC 3161 time-stamping authority URL; when set, each new evidence hash and screenshot gets a timestamp token (empty: none)."),
    Setting("evidence.tsa_ca_file", "str", "", "PEM file of the certificate(s) that the time-stamping authority's certificate must chain to (empty: the token's own certificate is checked, not its issuer)."),
    # -- social sources (social/) --
    Setting("social.sources", "list", ["reddit", "x", "bluesky", "mastodon", "youtube"], "Social platforms `repmon collect` polls; one without credentials is reported as disabled and the others still run."),
    Setting("social.timeout", "float", 30.0, "Seconds before a request to a social platform is abandoned (then retried)."),
    Setting("social.max_retries", "int", 4, "Retries of a request that timed out or got HTTP 429 or 5xx, with jittered back-off."),
    Setting("social.max_wait_seconds", "float", 900.0, "Longest wait for a platform's rate limit to reset; a longer one stops the run and the next run resumes."),
    Setting("social.max_pages", "int", 10, "Most result pages per query in one run; the rest is fetched by the next run."),
    Setting("social.follow_days", "int", 7, "Days after its last activity that a matched thread is checked again for new replies."),
    Setting("social.max_threads_per_run", "int", 50, "Most matched threads per platform whose replies are fetched in one run (0: none)."),
    Setting("social.search_staff", "bool", True, "Search for staff names (with the school's names or places where the platform's syntax allows); pupils are never searched."),
    Setting("reddit.client_id_env", "envvar", "REDDIT_CLIENT_ID", "Name of the environment variable that holds the Reddit app's client id."),
    Setting("reddit.client_secret_env", "envvar", "REDDIT_CLIENT_SECRET", "Name of the environment variable that holds the Reddit app's client secret."),
    Setting("reddit.user_agent", "str", "", "User-Agent for Reddit's API, e.g. 'repmon/0.1 (by u/your_account)' (default: repmon and collect.contact)."),
    Setting("reddit.subreddits", "list", [], "Subreddits to search, without 'r/' (empty: all of Reddit)."),
    Setting("reddit.more_comments", "int", 8, "How many 'load more comments' requests to make per thread and run."),
    Setting("reddit.monthly_read_budget", "int", 0, "Most Reddit API requests per calendar month (0: no limit; usage is still counted)."),
    Setting("x.bearer_token_env", "envvar", "X_BEARER_TOKEN", "Name of the environment variable that holds the X API bearer token."),
    Setting("x.monthly_read_budget", "int", 10000, "Most posts read from X per calendar month (X bills per post read); never exceeded (0: no limit)."),
    Setting("x.max_results", "int", 100, "Posts asked for per X search request (10 to 100)."),
    Setting("x.max_query_length", "int", 512, "Longest X search query your access level allows (512 characters for self-serve plans)."),
    Setting("x.exclude_retweets", "bool", True, "Leave reposts out of X searches (they repeat the words of a post already found)."),
    Setting("bluesky.handle_env", "envvar", "BLUESKY_HANDLE", "Name of the environment variable that holds the handle of the Bluesky account repmon searches as."),
    Setting("bluesky.app_password_env", "envvar", "BLUESKY_APP_PASSWORD", "Name of the environment variable that holds that account's Bluesky app password."),
    Setting("bluesky.service", "str", "https://bsky.social", "Bluesky server the account logs in to (its PDS or entryway)."),
    Setting("bluesky.monthly_read_budget", "int", 0, "Most Bluesky API requests per calendar month (0: no limit; Bluesky charges nothing)."),
    Setting("bluesky.thread_depth", "int", 6, "How many levels of replies are read under a matched Bluesky post."),
    Setting("bluesky.search_accounts", "bool", True, "Also search Bluesky accounts by the school's names, for the impersonation check."),
    Setting("mastodon.instances", "list", [], "Mastodon servers to read, e.g. ['https://mastodon.cymru', 'https://mastodon.social']; empty: Mastodon is off."),
    Setting("mastodon.access_token_env", "envvar", "MASTODON_ACCESS_TOKEN", "Name of the environment variable holding an access token on the first server in mastodon.instances (optional: enables search there)."),
    Setting("mastodon.hashtags", "list", [], "Hashtags (without '#') whose public timelines are read on every server (default: the school's one-word names and handles)."),
    Setting("mastodon.monthly_read_budget", "int", 0, "Most Mastodon API requests per calendar month, all servers together (0: no limit)."),
    Setting("youtube.api_key_env", "envvar", "YOUTUBE_API_KEY", "Name of the environment variable that holds the YouTube Data API key."),
    Setting("youtube.monthly_quota_units", "int", 250000, "Most YouTube quota units per calendar month (a search costs 100, a page of comments 1); never exceeded (0: no limit)."),
    Setting("youtube.channel_ids", "list", [], "YouTube channel ids (UC...) whose videos' comments are all read, such as the school's own channel."),
    Setting("youtube.region_code", "str", "GB", "Country whose YouTube search results are asked for (ISO 3166 code)."),
    # -- social impersonation (social/impersonation.py) --
    Setting("impersonation.enabled", "bool", True, "Check the accounts social sources see for ones imitating the school or its staff."),
    Setting("impersonation.allow", "list", [], "Genuine accounts never flagged besides the profile's own handles (staff's own, the PTA): handles without '@'."),
    Setting("impersonation.new_account_days", "int", 90, "An account created fewer than this many days ago counts as new, a sign of imitation."),
    Setting("impersonation.few_followers", "int", 50, "An account with fewer followers than this counts as little followed, a sign of imitation."),
    Setting("impersonation.min_score", "float", 0.7, "Lowest look-alike score (0 to 1) that opens an impersonation alert; see docs/sources.md."),
    # -- alerts, digest, letters, removal checks (alerts/) --
    Setting("alerts.retry_base_seconds", "int", 60, "Wait before the first retry of an e-mail or webhook call that failed; doubled after each failure."),
    Setting("alerts.retry_max_seconds", "int", 3600, "Longest wait between retries of an outbox message (it is never dropped)."),
    Setting("alerts.claim_seconds", "int", 600, "How long a run holds the outbox messages it is sending before another run may take them over."),
    Setting("alerts.webhook_url", "str", "", "Optional URL that gets a JSON POST for each critical alert (SMS or Teams gateway); empty: none."),
    Setting("alerts.webhook_secret_env", "envvar", "REPMON_WEBHOOK_SECRET", "Name of the environment variable holding the webhook secret (sent as a Bearer token and an HMAC-SHA256 signature)."),
    Setting("alerts.webhook_timeout", "int", 10, "Seconds before a webhook call is abandoned (and retried later)."),
    Setting("digest.school_days_only", "bool", True, "Send the digest only on school days (term time, Monday to Friday, not bank holidays)."),
    Setting("digest.term_dates", "list", [], "School terms as YYYY-MM-DD..YYYY-MM-DD ranges (half-term breaks left out); empty: every weekday counts."),
    Setting("digest.trend_days", "int", 14, "Days shown in the digest's trend chart of new alerts."),
    Setting("letters.bank_holidays", "list", [], "Extra England and Wales bank holidays (YYYY-MM-DD) beyond the built-in rules, e.g. a one-off royal occasion."),
    Setting("letters.rdap_domain_url", "str", "https://rdap.org/domain/", "RDAP base URL for domain look-ups (abuse contacts of a site's registrar)."),
    Setting("letters.rdap_ip_url", "str", "https://rdap.org/ip/", "RDAP base URL for IP look-ups (abuse contact of a site's host)."),
    Setting("letters.lookup_timeout", "int", 15, "Seconds before a contact look-up (contact page, security.txt, RDAP) is abandoned."),
    Setting("removal.timeout", "int", 20, "Seconds before a removal re-check of a URL is abandoned (it is tried again next time)."),
    # -- web app accounts and security (web/) --
    Setting("web.https", "bool", False, "Set true when the app is reached over HTTPS (behind a proxy): cookies get the Secure flag, HSTS is sent."),
    Setting("web.session_hours", "int", 12, "Hours a login lasts before the user must log in again."),
    Setting("web.max_failed_logins", "int", 5, "Failed logins in a row that lock an account."),
    Setting("web.lockout_minutes", "int", 15, "Minutes a locked account stays locked (an admin can unlock it sooner)."),
    Setting("web.max_upload_bytes", "int", 5_000_000, "Largest screenshot (PNG or JPEG) accepted with a reported URL."),
    Setting("web.page_size", "int", 25, "Alerts shown per page of the queue."),
    Setting("web.threads", "int", 4, "Requests the web app serves at once."),
    # -- scheduler, retention, backups (scheduler.py) --
    Setting("schedule.social_minutes", "float", 30.0, "Minutes between searches of each social source."),
    Setting("schedule.analyse_minutes", "float", 5.0, "Minutes between analysis runs (critical alerts are e-mailed straight after)."),
    Setting("schedule.outbox_minutes", "float", 2.0, "Minutes between retries of e-mails that could not be sent."),
    Setting("schedule.recheck_minutes", "float", 360.0, "Minutes between re-checks of pages whose removal was requested."),
    Setting("schedule.recapture_minutes", "float", 720.0, "Minutes between re-captures of flagged pages (edits and deletions go on record)."),
    Setting("schedule.retention_time", "str", "03:15", "Time of day (HH:MM, or HH:MM:SS) the retention purge runs."),
    Setting("schedule.backup_time", "str", "02:30", "Time of day (HH:MM, or HH:MM:SS) the database is backed up."),
    Setting("schedule.misfire_grace_minutes", "int", 30, "A run missed (machine off or busy) by up to this many minutes still runs, once."),
    Setting("schedule.stop_grace_seconds", "int", 60, "On stop, seconds to let a running job finish before it is abandoned (it runs again later)."),
    Setting("schedule.failing_hours", "float", 24.0, "`repmon status` exits non-zero when a source has failed for longer than this."),
    Setting("retention.irrelevant_days", "int", 30, "Days to keep items analysis found irrelevant (0: keep for ever)."),
    Setting("retention.dismissed_days", "int", 365, "Days to keep alerts dismissed as false positives or marked safe (0: keep for ever)."),
    Setting("retention.incident_years", "int", 7, "Years to keep every other alert with its evidence and letters (0: keep for ever)."),
    Setting("retention.run_log_days", "int", 90, "Days to keep the log of source runs (0: keep for ever)."),
    Setting("backup.dir", "path", "data/backups", "Folder for database backups and a copy of the evidence files."),
    Setting("backup.keep", "int", 14, "How many database backups to keep; older ones are deleted."),
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
