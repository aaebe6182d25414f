"""The Jinja2 environment for e-mails and letters.

Templates live in ``alerts/templates/``. Autoescaping is on for ``*.html``
and off for ``*.txt`` (plain text is never interpreted as HTML); undefined
names are errors, so a template cannot silently drop a fact.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from alerts import excerpt
from alerts.timefmt import human

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=True, default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["one_line"] = excerpt.one_line
    env.filters["safe_href"] = excerpt.safe_href
    env.filters["human"] = human
    return env


def render(name: str, **context: Any) -> str:
    """Render ``alerts/templates/<name>`` with ``context``."""
    return environment().get_template(name).render(**context)
