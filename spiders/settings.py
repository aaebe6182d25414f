"""Scrapy settings built from repmon's settings (the one declaration in repmon/config.py)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from repmon import __version__


def allowed_domains(values: dict[str, Any]) -> list[str]:
    """The configured domains, or the hosts of the start URLs and feeds."""
    if values["collect.allowed_domains"]:
        return list(values["collect.allowed_domains"])
    hosts = {urlsplit(u).hostname for u in values["collect.start_urls"] + values["collect.feeds"]}
    return sorted(h for h in hosts if h)


def user_agent(contact: str) -> str:
    return f"repmon/{__version__} (school reputation monitor" + (f"; +{contact})" if contact else ")")


def scrapy_settings(values: dict[str, Any]) -> dict[str, Any]:
    """``values`` is ``Settings.as_dict()`` (plain values, paths as strings)."""
    delay = float(values["collect.download_delay"])
    return {
        "BOT_NAME": "repmon",
        "USER_AGENT": user_agent(values["collect.contact"]),
        "ROBOTSTXT_OBEY": bool(values["collect.obey_robots"]),
        "CONCURRENT_REQUESTS": 16,
        "CONCURRENT_REQUESTS_PER_DOMAIN": int(values["collect.concurrency_per_domain"]),
        "DOWNLOAD_DELAY": delay,
        "AUTOTHROTTLE_ENABLED": delay > 0,
        "AUTOTHROTTLE_START_DELAY": max(delay, 0.1),
        "DOWNLOAD_TIMEOUT": int(values["collect.timeout"]),
        "DOWNLOAD_MAXSIZE": int(values["collect.max_body_bytes"]),
        "DOWNLOAD_WARNSIZE": 0,
        # depth is counted by the spider itself: pagination and sitemap pages do not count towards it
        "DEPTH_LIMIT": 0,
        "CLOSESPIDER_TIMEOUT": 60 * float(values["collect.max_minutes"]),
        "RETRY_TIMES": 1,
        # never left open on a school server: no telnet console, no remote-control server
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,
        # cookies are not needed, and the cookie middleware would make tldextract go online
        "COOKIES_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        # below HttpCompressionMiddleware (590) and RedirectMiddleware (600): evidence keeps the decoded body of
        # the final response, so its SHA-256 is the hash of the page as read
        "DOWNLOADER_MIDDLEWARES": {
            "spiders.middlewares.evidence.EvidenceMiddleware": 580,
            # after the user agent and default headers, before the cache-free download: adds If-None-Match etc.
            "spiders.middlewares.conditional.ConditionalRequestMiddleware": 560,
        },
        # a 304 (unchanged since the last crawl) reaches the spider, which follows the links it kept
        "HTTPERROR_ALLOWED_CODES": [304],
        "ITEM_PIPELINES": {
            "spiders.pipelines.validate.ValidatePipeline": 100,
            "spiders.pipelines.store.StorePipeline": 800,
        },
        "REPMON_DB_PATH": values["store.db_path"],
        "REPMON_EVIDENCE_DIR": values["store.evidence_dir"],
        "REPMON_MAX_TEXT_CHARS": int(values["store.max_text_chars"]),
        "REPMON_CONDITIONAL_REQUESTS": bool(values["collect.conditional_requests"]),
    }
