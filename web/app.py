"""The app and its server.

``create_app(settings)`` builds the Flask app; ``WebServer`` serves it with
waitress on ``web.host``:``web.port`` in a thread that stops cleanly;
``serve(settings)`` blocks until Ctrl-C or until its ``stop`` event is set, and
``serve(settings, background=True)`` returns the started server (call
``.stop()``), as ``repmon run`` does.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from pathlib import Path
from typing import Any

from flask import Flask, g, render_template, request
from werkzeug.exceptions import HTTPException

from repmon.config import Settings
from repmon.errors import RepmonError

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'")


def create_app(settings: Settings) -> Flask:
    """The app for these settings (database, profile, web.* options)."""
    from data.store import Store
    from repmon.profile import load_profile
    from web import auth, views

    app = Flask("web", root_path=str(HERE), static_folder="static", template_folder="templates")
    app.config.update(
        REPMON_SETTINGS=settings,
        REPMON_PROFILE=load_profile(settings["profile.path"]),
        MAX_CONTENT_LENGTH=settings["web.max_upload_bytes"] + 200_000,
        SEND_FILE_MAX_AGE_DEFAULT=300,
    )
    # the schema is created/migrated once here, not on every request
    Store.open(settings["store.db_path"]).close()

    @app.before_request
    def _open() -> None:
        g.store = Store.open(settings["store.db_path"])
        auth.load_session()
        auth.check_csrf()

    @app.teardown_request
    def _close(_exc: BaseException | None) -> None:
        store = g.pop("store", None)
        if store is not None:
            store.close()

    @app.after_request
    def _headers(response: Any) -> Any:
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        if not request.path.startswith("/static/"):
            response.headers["Cache-Control"] = "no-store"
        if settings["web.https"]:
            response.headers["Strict-Transport-Security"] = "max-age=31536000"
        return response

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> Any:
        return render_template("error.html", code=exc.code, title=exc.name, message=exc.description or ""), exc.code

    @app.errorhandler(RepmonError)
    def _repmon_error(exc: RepmonError) -> Any:
        return render_template("error.html", code=400, title="That could not be done", message=str(exc)), 400

    app.jinja_env.globals.update(csrf_token=auth.csrf_token, current_user=auth.current_user)
    views.register(app)
    return app


class WebServer:
    """The app served by waitress in a background thread: ``start()``, ``url``, ``stop()``."""

    def __init__(self, settings: Settings, app: Flask | None = None, *, host: str | None = None,
                 port: int | None = None) -> None:
        from waitress.server import create_server

        self.app = app or create_app(settings)
        host = host if host is not None else settings["web.host"]
        port = port if port is not None else settings["web.port"]
        try:
            self._server: Any = create_server(self.app, host=host, port=port, threads=settings["web.threads"],
                                              ident="repmon", clear_untrusted_proxy_headers=True)
        except OSError as exc:
            raise RepmonError(f"cannot listen on {host}:{port} ({exc.strerror}); set web.port to a free port "
                              "or stop the program using it.") from None
        self.host = host
        self.port = int(self._server.effective_port)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> WebServer:
        self._thread = threading.Thread(target=self._server.run, name="repmon-web", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Close the listening socket and every open connection (from the server's own loop), finish the
        requests in hand, and wait for the thread to end."""
        from waitress import wasyncore

        server = self._server
        if self._thread is not None and self._thread.is_alive():
            try:
                server.trigger.pull_trigger(lambda: wasyncore.close_all(server._map))
            except OSError as exc:  # the wake-up pipe was closed under the server: end its loop from here
                log.warning("the web server's wake-up pipe is gone (%s); closing its sockets from this thread", exc)
                held = list(server._map.values())
                server._map.clear()  # the loop ends at its next turn, within asyncore_loop_timeout
                for dispatcher in held:
                    with contextlib.suppress(OSError):
                        dispatcher.close()
                    left = getattr(dispatcher, "socket", None)  # a trigger that failed to close keeps a copy
                    if left is not None:
                        with contextlib.suppress(OSError):
                            left.close()
            self._thread.join(10)
        else:
            server.close()
        server.task_dispatcher.shutdown()

    def __enter__(self) -> WebServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve(settings: Settings, stop: threading.Event | None = None, *, background: bool = False) -> WebServer | None:
    """Serve the app. ``background=True``: start it in a thread and return the server (``.stop()`` it).
    Otherwise block until Ctrl-C, or until ``stop`` is set from another thread."""
    server = WebServer(settings).start()
    log.warning("repmon web app on %s", server.url)
    if background:
        return server
    stop = stop or threading.Event()
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return None
