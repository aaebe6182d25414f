"""The triage web app: server-rendered pages for the people who work through alerts.

Layout: :mod:`web.app` (the app, its server, security headers), :mod:`web.auth`
(login, sessions, CSRF, the role check), :mod:`web.roles` (who may do what),
:mod:`web.views` (one blueprint per page), :mod:`web.highlight` and
:mod:`web.chart` (what pages draw), ``templates/`` and ``static/``.
"""

from web.app import WebServer, create_app, serve

__all__ = ["WebServer", "create_app", "serve"]
