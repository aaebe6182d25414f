"""The ``repmon`` command.

Exit codes: 0 all good; 1 a problem the user can fix (the message says how);
2 a usage error. Errors from bad input are one line, never a traceback.
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from repmon.config import Settings, load_settings
from repmon.errors import RepmonError

F = TypeVar("F", bound=Callable[..., Any])


def _fail_cleanly(func: F) -> F:
    """Turn repmon's own errors into one line on stderr and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except RepmonError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def _settings(ctx: click.Context) -> Settings:
    return load_settings(ctx.obj.get("config"))


@click.group()
@click.option("--config", "config", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Settings file (default: $REPMON_CONFIG or ./repmon.toml, else built-in defaults).")
@click.option("-v", "--verbose", is_flag=True, help="Log more detail.")
@click.version_option(package_name="repmon")
@click.pass_context
def cli(ctx: click.Context, config: Path | None, verbose: bool) -> None:
    """repmon: find what is said online about a school, alert the right person, keep the evidence."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    ctx.ensure_object(dict)
    ctx.obj["config"] = config


@cli.command()
@click.option("--workdir", type=click.Path(file_okay=False, path_type=Path), default=Path("data/demo"),
              show_default=True, help="Folder for the demo's database, evidence, letters and mail (replaced each run).")
@_fail_cleanly
def demo(workdir: Path) -> None:
    """Run the whole chain once, offline, on a fictional local site.

    Example: repmon demo
    """
    from demo.run import run_demo, summary

    click.echo(summary(run_demo(workdir)))


@cli.command()
@click.option("--profile", "profile_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The school profile (TOML).")
@click.option("--input", "input_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Items, one JSON object a line (default: standard input).")
@click.option("--output", "output_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where the results go, one JSON object a line (default: standard output).")
@_fail_cleanly
def analyse(profile_path: Path, input_path: Path | None, output_path: Path | None) -> None:
    """Analyse items (JSON Lines) against a profile; one result line for each input line.

    Example: repmon analyse --profile profiles/example.toml --input items.jsonl --output results.jsonl

    A bad input line gets {"id": ..., "error": "..."} in its place; the run
    goes on and exits with code 1 at the end.
    """
    from nlp.analyse import analyse_stream
    from repmon.profile import load_profile

    profile = load_profile(profile_path)
    if input_path and output_path and input_path.resolve() == output_path.resolve():
        raise RepmonError(f"{output_path}: --output is the --input file; writing it would erase the items. "
                          "Give another output file.")
    try:
        source = input_path.open("r", encoding="utf-8", errors="replace") if input_path else \
            open(sys.stdin.fileno(), "r", encoding="utf-8", errors="replace", closefd=False)
    except OSError as exc:
        raise RepmonError(f"{input_path}: cannot read the input ({exc.strerror}).") from None
    try:
        sink = output_path.open("w", encoding="utf-8") if output_path else sys.stdout
    except OSError as exc:
        raise RepmonError(f"{output_path}: cannot write the output ({exc.strerror}).") from None
    try:
        def write(line: str) -> None:
            sink.write(line.rstrip("\n") + "\n")

        bad = analyse_stream(profile, source, write)
    finally:
        if input_path:
            source.close()
        if output_path:
            sink.close()
        else:
            sink.flush()
    if bad:
        click.echo(f"{bad} input line(s) could not be analysed; see the error lines in the output.", err=True)
        sys.exit(1)


@cli.command()
@click.pass_context
@_fail_cleanly
def collect(ctx: click.Context) -> None:
    """Crawl the watched sites and feeds once and store what is found.

    Example: repmon --config repmon.toml collect
    """
    from data.store import Store
    from repmon import jobs

    settings = _settings(ctx)
    store = Store.open(settings["store.db_path"])
    try:
        run = jobs.collect_web(settings, store)
    finally:
        store.close()
    click.echo(f"web: {run['status']}: {run['message']}")
    if run["status"] != "ok":
        sys.exit(1)


@cli.command()
@click.option("--digest/--no-digest", default=False, help="Also queue and send today's digest.")
@click.pass_context
@_fail_cleanly
def process(ctx: click.Context, digest: bool) -> None:
    """Analyse new items, open alerts, e-mail critical ones, draft letters, send the outbox.

    Example: repmon process --digest
    """
    from data.store import Store
    from repmon import clock, jobs
    from repmon.profile import load_profile

    settings = _settings(ctx)
    profile = load_profile(settings["profile.path"])
    store = Store.open(settings["store.db_path"])
    try:
        analysed = jobs.analyse_new(settings, store, profile)
        acted = jobs.act(settings, store, profile, digest_day=clock.today(settings["schedule.timezone"]) if digest else None)
    finally:
        store.close()
    click.echo(f"analysed {analysed.analysed} items ({analysed.relevant} relevant), opened {len(analysed.alerts)} alerts, "
               f"queued {acted.critical_queued} immediate alerts, drafted {len(acted.letters)} letters, "
               f"sent {acted.sent} e-mails ({acted.failed} kept in the outbox to retry)")
    for error in analysed.errors:
        click.echo(f"  could not analyse {error}", err=True)
    if acted.failed or analysed.errors:
        sys.exit(1)


@cli.command("digest")
@click.option("--preview", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the digest to this file (.html for HTML, anything else for text) instead of sending it.")
@click.option("--day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="Day of the digest (default: today).")
@click.pass_context
@_fail_cleanly
def digest_cmd(ctx: click.Context, preview: Path | None, day: Any) -> None:
    """Send the daily digest to the senior leaders now, or write a preview.

    Example: repmon digest --preview digest.html
    """
    from alerts.digest import build_digest, day_bounds, queue_digest
    from alerts.mailer import flush_outbox
    from data.store import Store
    from repmon import clock
    from repmon.profile import load_profile

    settings = _settings(ctx)
    profile = load_profile(settings["profile.path"])
    the_day: date = day.date() if day else clock.today(settings["schedule.timezone"])
    store = Store.open(settings["store.db_path"])
    try:
        if preview:
            since, until = day_bounds(the_day, settings["schedule.timezone"])
            built = build_digest(store, settings, profile, since, until)
            preview.write_text(built.html if preview.suffix.lower() in (".html", ".htm") else built.text, encoding="utf-8")
            click.echo(f"digest for {the_day} written to {preview}")
            return
        message_id = queue_digest(store, settings, profile, the_day)
        if message_id is None:
            raise RepmonError("no digest recipients: set recipients.digest in repmon.toml.")
        sent, failed = flush_outbox(store, settings)
    finally:
        store.close()
    click.echo(f"digest for {the_day}: {sent} sent, {failed} kept in the outbox to retry")
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("alert_id", type=int)
@click.option("--type", "letter_type", default=None,
              help="Letter type (default: proposed from the alert's flags): s5_notice, gdpr_erasure, police_referral, site_report.")
@click.pass_context
@_fail_cleanly
def letter(ctx: click.Context, alert_id: int, letter_type: str | None) -> None:
    """Draft a takedown letter for an alert (written to store.letters_dir; never sent by repmon).

    Example: repmon letter 3 --type s5_notice
    """
    from alerts.letters import draft_letter
    from data.store import Store
    from repmon.profile import load_profile

    settings = _settings(ctx)
    profile = load_profile(settings["profile.path"])
    store = Store.open(settings["store.db_path"])
    try:
        if store.get_alert(alert_id) is None:
            raise RepmonError(f"there is no alert {alert_id} in {settings['store.db_path']}.")
        takedown_id = draft_letter(store, settings, profile, alert_id, letter_type)
        files = next(t["files"] for t in store.takedowns() if t["id"] == takedown_id)
    finally:
        store.close()
    click.echo(f"takedown {takedown_id} drafted: " + ", ".join(files))


# -- analysis commands (evaluate) --


# -- web collection and evidence commands (capture, evidence export) --


# -- social source commands --


# -- alerts and letters commands --


# -- web app commands (user add, web) --


# -- scheduler commands (run, status, backup, restore) --


def main() -> None:
    cli(obj={})
