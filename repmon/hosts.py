"""Host names: the one test of whether a host belongs to a set of domains."""

from __future__ import annotations

from collections.abc import Iterable


def host_in(host: str, domains: Iterable[str]) -> bool:
    """True when ``host`` is one of ``domains`` or a subdomain of one (``news.example.org`` in ``example.org``)."""
    host = host.lower().rstrip(".")
    return any(host == d or host.endswith("." + d) for d in (d.lower() for d in domains))
