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
@click.pass_context
@_fail_cleanly
def analyse(ctx: click.Context, profile_path: Path, input_path: Path | None, output_path: Path | None) -> None:
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

        bad = analyse_stream(profile, source, write, _settings(ctx))
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
@click.option("--source", "sources", multiple=True, metavar="NAME",
              help="Collect only from this source: web, or a social platform (reddit, x, bluesky, mastodon, "
                   "youtube); repeat for several. Default: web and every platform in social.sources.")
@click.pass_context
@_fail_cleanly
def collect(ctx: click.Context, sources: tuple[str, ...]) -> None:
    """Crawl the watched sites and feeds and search the social platforms once; store what is found.

    Example: repmon --config repmon.toml collect --source reddit --source x

    A platform without credentials is reported as disabled, with the
    environment variables to set; the other sources still run.
    """
    from data.store import Store
    from repmon import jobs

    settings = _settings(ctx)
    social_only = [s for s in sources if s != "web"]
    if social_only:  # refuse an unknown name before anything runs
        from social.collect import configured_sources
        configured_sources(settings, social_only)
    web_wanted = "web" in sources or not sources
    web_configured = bool(settings["collect.start_urls"] or settings["collect.feeds"])
    store = Store.open(settings["store.db_path"])
    runs = []
    try:
        if web_wanted and (sources or web_configured):
            runs.append(jobs.collect_web(settings, store))
        elif web_wanted:
            click.echo("web: skipped: no sites or feeds configured (collect.start_urls, collect.feeds)")
        if social_only or not sources:
            from social.collect import collect_social
            runs.extend(collect_social(settings, store, social_only or None))
    finally:
        store.close()
    for run in runs:
        click.echo(f"{run['source']}: {run['status']}: {run['message']}")
    if any(run["status"] == "error" for run in runs) or not any(run["status"] == "ok" for run in runs):
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
    from alerts.digest import CHART_CID, build_digest, period, queue_digest
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
            built = build_digest(store, settings, profile, *period(the_day, settings))
            if preview.suffix.lower() in (".html", ".htm"):  # the chart beside it, where a browser finds it
                chart = preview.with_suffix(".trend.png")
                chart.write_bytes(built.chart)
                preview.write_text(built.html.replace(f"cid:{CHART_CID}", chart.name), encoding="utf-8")
            else:
                preview.write_text(built.text, encoding="utf-8")
            click.echo(f"digest for {the_day} written to {preview}")
            return
        message_id = queue_digest(store, settings, profile, the_day, force=True)
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
              help="Letter type (default: proposed from the alert's flags): s5_notice, gdpr_erasure, platform_report, site_report, police_referral.")
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


@cli.command()
@click.option("--profile", "profile_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The school profile (TOML) the gold set was labelled for.")
@click.option("--gold", "gold_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Labelled items, one JSON object a line (format in docs/analysis.md); lines for other profiles are skipped.")
@click.option("--worst", default=10, show_default=True, type=click.IntRange(0, 1000), help="How many of the worst misses to list.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object instead of a table.")
@click.option("--rules-only", is_flag=True, help="Leave out the text classifier, to see what the rules do alone.")
@click.pass_context
@_fail_cleanly
def evaluate(ctx: click.Context, profile_path: Path, gold_path: Path, worst: int, as_json: bool, rules_only: bool) -> None:
    """Score the analyser on a labelled gold set: precision, recall and F1, critical recall, worst misses.

    Example: repmon evaluate --profile profiles/example.toml --gold nlp/gold/qehs.jsonl
    """
    import json

    from nlp.analyse import analyser_from_settings
    from nlp.evaluate import evaluate as run_evaluation, format_report
    from repmon.profile import load_profile

    profile = load_profile(profile_path)
    settings = _settings(ctx)
    if rules_only:
        settings = settings.with_overrides({"analysis.textcat": False})
    report = run_evaluation(profile, gold_path, analyser_from_settings(profile, settings))
    click.echo(json.dumps(report.as_dict(worst), ensure_ascii=False, indent=2) if as_json else format_report(report, worst))


# -- web collection and evidence commands (capture, evidence export) --


def _reporter() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


@cli.command()
@click.argument("url")
@click.option("--actor", default=None, help="Who reported the page (default: your login name); kept in the alert's history.")
@click.option("--text", "text_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="A file with the reporter's copy of the words (for a page behind a login); used as the item's text.")
@click.option("--child-abuse-suspected", "withhold", is_flag=True,
              help="The page may show child sexual abuse: keep URL, hash and text only (no WARC page, no screenshot).")
@click.pass_context
@_fail_cleanly
def capture(ctx: click.Context, url: str, actor: str | None, text_file: Path | None, withhold: bool) -> None:
    """Capture a page someone reported: keep evidence, analyse it, open an alert, print the alert id.

    Example: repmon capture https://forum.example.org/t/123 --actor j.jones

    Only http and https; addresses inside a network (private, loopback,
    link-local) are refused unless evidence.allow_networks allows them.
    """
    from data.store import Store
    from repmon.profile import load_profile
    from spiders.capture import capture_url

    settings = _settings(ctx)
    text = None
    if text_file is not None:
        try:
            text = text_file.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise RepmonError(f"{text_file}: cannot read the text ({exc.strerror}).") from None
    profile = load_profile(settings["profile.path"])
    store = Store.open(settings["store.db_path"])
    try:
        result = capture_url(settings, store, profile, url, actor=actor or _reporter(), text=text,
                             withhold_images=withhold)
    finally:
        store.close()
    click.echo(f"alert {result.alert_id} ({'opened' if result.new_alert else 'already open; report added'}, "
               f"severity {result.severity}) for {result.url}", err=True)
    click.echo(f"  evidence: HTTP {result.status}, "
               + (f"sha256 {result.sha256}" if result.sha256 else "body not downloaded")
               + (f", evidence row {result.evidence_id}" if result.evidence_id else ", no WARC record kept"), err=True)
    if result.screenshot_path:
        click.echo(f"  screenshot: {result.screenshot_path}", err=True)
    for warning in result.warnings:
        click.echo(f"  note: {warning}", err=True)
    if result.reporting_route:
        click.echo(f"  SAFEGUARDING: {result.reporting_route}", err=True)
    click.echo(result.alert_id)


@cli.group()
def evidence() -> None:
    """Evidence kept for alerts: export it for the police or a solicitor, re-capture pages, check hashes.

    Example: repmon evidence export 12 --output alert-12.zip
    """


@evidence.command("export")
@click.argument("alert_id", type=int)
@click.option("--output", "output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The .zip to write (never replaces an existing file).")
@click.option("--actor", default=None, help="Who made the export (default: your login name); kept in the alert's history.")
@click.pass_context
@_fail_cleanly
def evidence_export(ctx: click.Context, alert_id: int, output: Path, actor: str | None) -> None:
    """Write an alert's WARC records, screenshots, metadata and SHA-256 manifest to a zip.

    Example: repmon evidence export 12 --output alert-12.zip
    """
    from data.export import export_alert
    from data.store import Store

    settings = _settings(ctx)
    store = Store.open(settings["store.db_path"])
    try:
        result = export_alert(settings, store, alert_id, output, actor=actor or _reporter())
    finally:
        store.close()
    click.echo(f"{result.path}: {result.records} WARC records, {result.screenshots} screenshots, "
               f"{result.timestamps} timestamps; sha256 of the zip {result.sha256}")
    for problem in result.problems:
        click.echo(f"  PROBLEM: {problem}", err=True)
    if result.problems:
        sys.exit(1)


@evidence.command("recapture")
@click.pass_context
@_fail_cleanly
def evidence_recapture(ctx: click.Context) -> None:
    """Fetch the pages of open alerts again so edits and deletions are on record.

    Example: repmon evidence recapture
    """
    from data.store import Store
    from spiders.recapture import recapture_flagged

    settings = _settings(ctx)
    store = Store.open(settings["store.db_path"])
    try:
        summary = recapture_flagged(settings, store, actor=_reporter())
    finally:
        store.close()
    click.echo(summary.line())
    for error in summary.errors:
        click.echo(f"  {error}", err=True)
    if summary.errors:
        sys.exit(1)


@evidence.command("screenshot")
@click.argument("alert_id", type=int, required=False)
@click.pass_context
@_fail_cleanly
def evidence_screenshot(ctx: click.Context, alert_id: int | None) -> None:
    """Take a full-page screenshot of an alert's page now, or of every open alert that has none.

    Example: repmon evidence screenshot 12

    Never for a page that may show child sexual abuse (URL and text only).
    """
    from data.store import Store
    from spiders.screenshot import screenshot_flagged, screenshot_item

    settings = _settings(ctx)
    store = Store.open(settings["store.db_path"])
    try:
        if alert_id is None:
            summary = screenshot_flagged(settings, store)
            click.echo(f"{summary['taken']} screenshots taken, {summary['withheld']} withheld (possible child "
                       f"abuse material: URL and text only), {len(summary['errors'])} errors")
            for error in summary["errors"]:
                click.echo(f"  {error}", err=True)
            if summary["errors"]:
                sys.exit(1)
            return
        alert = store.get_alert(alert_id)
        if alert is None:
            raise RepmonError(f"there is no alert {alert_id} in {settings['store.db_path']}.")
        shot = screenshot_item(settings, store, alert["item_id"])
    finally:
        store.close()
    click.echo(f"screenshot {shot.screenshot_id}: {shot.path} (sha256 {shot.sha256}, taken {shot.taken_at})")
    if shot.warning:
        click.echo(f"  note: {shot.warning}", err=True)


@evidence.command("verify")
@click.argument("alert_id", type=int, required=False)
@click.pass_context
@_fail_cleanly
def evidence_verify(ctx: click.Context, alert_id: int | None) -> None:
    """Check that kept WARC records, screenshots and timestamps still match their recorded SHA-256.

    Example: repmon evidence verify 12
    """
    from data.store import Store
    from data.verify import verify_evidence

    settings = _settings(ctx)
    store = Store.open(settings["store.db_path"])
    try:
        report = verify_evidence(settings, store, alert_id)
    finally:
        store.close()
    click.echo(report.line())
    for problem in report.problems:
        click.echo(f"  PROBLEM: {problem}", err=True)
    if report.problems:
        sys.exit(1)


# -- social source commands --


# -- alerts and letters commands --


def _open_store(ctx: click.Context) -> tuple[Settings, Any]:
    from data.store import Store

    settings = _settings(ctx)
    return settings, Store.open(settings["store.db_path"])


@cli.group()
def takedown() -> None:
    """Follow a takedown letter through its states: list, show, edit, approve, sent, removed, withdraw, retype.

    Every change is recorded with who made it (--by) and when; nothing is deleted, and a letter is
    only marked sent after it was approved. The triage web app does the same for most people.

    Example: repmon takedown approve 4 --by "Head Teacher"
    """


@takedown.command("list")
@click.option("--all", "show_all", is_flag=True, help="Include removed, closed and withdrawn takedowns.")
@click.pass_context
@_fail_cleanly
def takedown_list(ctx: click.Context, show_all: bool) -> None:
    """List takedowns with their state and deadline.

    Example: repmon takedown list --all
    """
    from alerts.letters import OPEN_TAKEDOWN_STATES, label

    _settings_, store = _open_store(ctx)
    try:
        rows = store.takedowns(states=None if show_all else OPEN_TAKEDOWN_STATES)
    finally:
        store.close()
    for row in rows:
        click.echo(f"{row['id']:>4}  alert {row['alert_id']:<5} {row['state']:<12} {label(row['letter_type'])}"
                   f"{'  deadline ' + row['deadline'] if row['deadline'] else ''}")
    if not rows:
        click.echo("no takedowns" + ("" if show_all else " open"))


@takedown.command("show")
@click.argument("takedown_id", type=int)
@click.pass_context
@_fail_cleanly
def takedown_show(ctx: click.Context, takedown_id: int) -> None:
    """Show a takedown's letter, files, history and removal checks.

    Example: repmon takedown show 4
    """
    from alerts.letters.workflow import takedown_history

    _settings_, store = _open_store(ctx)
    try:
        history = takedown_history(store, takedown_id)
    finally:
        store.close()
    row = history["takedown"]
    click.echo(f"takedown {row['id']} for alert {row['alert_id']}: {row['letter_type']}, {row['state']}")
    click.echo(f"deadline: {row['deadline'] or 'none'}; recipient: {row['recipient'] or 'not chosen'}")
    click.echo("files: " + ", ".join(row["files"] or []))
    for event in history["events"]:
        click.echo(f"  {event['at']}  {event['actor']}: {event['action']} ({event['from_state']} -> {event['to_state']})")
    for check in history["checks"]:
        click.echo(f"  check {check['checked_at']}: {check['outcome']} ({check['reason']})")


def _change(ctx: click.Context, do: Callable[[Any], dict[str, Any]]) -> None:
    _settings_, store = _open_store(ctx)
    try:
        row = do(store)
    finally:
        store.close()
    click.echo(f"takedown {row['id']} is now {row['state']}")


@takedown.command("approve")
@click.argument("takedown_id", type=int)
@click.option("--by", "actor", required=True, help="Who approves (a senior leader).")
@click.pass_context
@_fail_cleanly
def takedown_approve(ctx: click.Context, takedown_id: int, actor: str) -> None:
    """Approve a letter as it now reads (a senior leader; a letter with gaps cannot be approved).

    Example: repmon takedown approve 4 --by "Head Teacher"
    """
    from alerts.letters.workflow import approve_letter

    _change(ctx, lambda store: approve_letter(store, takedown_id, actor))


@takedown.command("edit")
@click.argument("takedown_id", type=int)
@click.option("--file", "path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The new text of the letter (UTF-8).")
@click.option("--by", "actor", required=True, help="Who edits.")
@click.pass_context
@_fail_cleanly
def takedown_edit(ctx: click.Context, takedown_id: int, path: Path, actor: str) -> None:
    """Replace a letter's text (kept as a new version; an approved letter needs approving again).

    Example: repmon takedown edit 4 --file letter.txt --by comms
    """
    from alerts.letters.workflow import edit_letter

    try:
        body = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise RepmonError(f"{path}: not UTF-8 text; save the letter as UTF-8.") from None
    _change(ctx, lambda store: edit_letter(store, takedown_id, body, actor))


@takedown.command("sent")
@click.argument("takedown_id", type=int)
@click.option("--by", "actor", required=True, help="Who sent it.")
@click.option("--to", "recipient", default="", help="Where it went (address or form).")
@click.option("--channel", default="", help="How: e-mail, web form, post...")
@click.option("--note", default="", help="Proof of delivery, reference numbers.")
@click.pass_context
@_fail_cleanly
def takedown_sent(ctx: click.Context, takedown_id: int, actor: str, recipient: str, channel: str, note: str) -> None:
    """Record that an approved letter was sent (repmon never sends letters itself).

    Example: repmon takedown sent 4 --by comms --to abuse@host.example --channel e-mail
    """
    from alerts.letters.workflow import mark_sent

    _change(ctx, lambda store: mark_sent(store, takedown_id, actor, note, recipient=recipient, channel=channel))


@takedown.command("removed")
@click.argument("takedown_id", type=int)
@click.option("--by", "actor", required=True, help="Who confirms it.")
@click.option("--note", default="", help="What shows it is gone.")
@click.pass_context
@_fail_cleanly
def takedown_removed(ctx: click.Context, takedown_id: int, actor: str, note: str) -> None:
    """Record that the content is gone.

    Example: repmon takedown removed 4 --by comms --note "post shows [removed]"
    """
    from alerts.letters.workflow import mark_removed

    _change(ctx, lambda store: mark_removed(store, takedown_id, actor, {"note": note} if note else None))


@takedown.command("withdraw")
@click.argument("takedown_id", type=int)
@click.option("--by", "actor", required=True, help="Who withdraws it.")
@click.option("--reason", required=True, help="Why (kept in the audit trail).")
@click.pass_context
@_fail_cleanly
def takedown_withdraw(ctx: click.Context, takedown_id: int, actor: str, reason: str) -> None:
    """Withdraw a takedown (kept, with the reason).

    Example: repmon takedown withdraw 4 --by comms --reason "parent asked us not to pursue it"
    """
    from alerts.letters.workflow import withdraw

    _change(ctx, lambda store: withdraw(store, takedown_id, actor, reason))


@takedown.command("retype")
@click.argument("takedown_id", type=int)
@click.option("--type", "letter_type", required=True, help="The new letter type (see `repmon letter --help`).")
@click.option("--by", "actor", required=True, help="Who changes it.")
@click.pass_context
@_fail_cleanly
def takedown_retype(ctx: click.Context, takedown_id: int, letter_type: str, actor: str) -> None:
    """Re-draft a letter as another type (the unsent draft is withdrawn and points to the new one).

    Example: repmon takedown retype 4 --type platform_report --by comms
    """
    from alerts.letters.workflow import change_type
    from data import takedowns
    from repmon.profile import load_profile

    settings, store = _open_store(ctx)
    try:
        row = takedowns.get(store, takedown_id)
        if row is None:
            raise RepmonError(f"there is no takedown {takedown_id}.")
        new = change_type(store, int(row["alert_id"]), takedown_id, letter_type, actor, settings=settings,
                          profile=load_profile(settings["profile.path"]))
    finally:
        store.close()
    click.echo(f"takedown {new['id']} drafted as {new['letter_type']}: " + ", ".join(new["files"] or []))


@takedown.command("recipient")
@click.argument("takedown_id", type=int)
@click.option("--by", "actor", required=True, help="Who asks.")
@click.pass_context
@_fail_cleanly
def takedown_recipient(ctx: click.Context, takedown_id: int, actor: str) -> None:
    """Find where a letter should go: the platform's route, or the site's own contact, host and registrar abuse
    contacts (RDAP) and security.txt; every contact is recorded with how it was found.

    Example: repmon takedown recipient 4 --by comms
    """
    from alerts.letters.workflow import find_recipient

    settings, store = _open_store(ctx)
    try:
        row = find_recipient(store, settings, takedown_id, actor)
    finally:
        store.close()
    click.echo(row["recipient_how"] or "no contact found; find the recipient by hand.")


@cli.command()
@click.pass_context
@_fail_cleanly
def removals(ctx: click.Context) -> None:
    """Re-check every URL a sent letter asked to remove; mark removed ones, report those still up.

    Example: repmon removals
    """
    from alerts.removal import recheck_removals

    settings, store = _open_store(ctx)
    try:
        summary = recheck_removals(settings, store)
    finally:
        store.close()
    click.echo(summary.line())
    for error in summary.errors:
        click.echo(f"  {error}", err=True)


@cli.command()
@click.option("--send", is_flag=True, help="Send what is due now (as `repmon process` does).")
@click.pass_context
@_fail_cleanly
def outbox(ctx: click.Context, send: bool) -> None:
    """Show the e-mails and webhook calls waiting in the outbox, and why; optionally send the due ones.

    Example: repmon outbox --send
    """
    from alerts.mailer import flush_outbox

    settings, store = _open_store(ctx)
    try:
        if send:
            sent, failed = flush_outbox(store, settings)
            click.echo(f"sent {sent}, {failed} kept to retry")
        pending = store.pending_messages()
    finally:
        store.close()
    for row in pending:
        click.echo(f"{row['id']:>4}  {row['kind']:<9} attempts {row['attempts']}, next {row['next_attempt_at'] or 'now'}: "
                   f"{row['subject'][:80]}" + (f"\n      last error: {row['last_error'][:300]}" if row["last_error"] else ""))
    if not pending:
        click.echo("the outbox is empty")


# -- web app commands (user add, web) --


@cli.group()
def user() -> None:
    """Accounts for the triage web app (roles: admin, comms, senior, safeguarding).

    Example: repmon user add rhian --role comms
    """


@user.command("add")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(["admin", "comms", "senior", "safeguarding"]),
              help="admin: everything; comms: triage and letters; senior: read and approve letters; "
                   "safeguarding: sees and handles safeguarding items.")
@click.pass_context
@_fail_cleanly
def user_add(ctx: click.Context, name: str, role: str) -> None:
    """Create a web app user; the password is asked for (or read from REPMON_NEW_PASSWORD in scripts).

    Example: repmon --config data/demo/repmon.toml user add comms1 --role comms
    """
    import os

    from data import users
    from data.store import Store
    from web.auth import hash_password

    settings = _settings(ctx.find_root())
    password = os.environ.get("REPMON_NEW_PASSWORD") or click.prompt(
        f"Password for {name}", hide_input=True, confirmation_prompt=True)
    password_hash = hash_password(password)
    store = Store.open(settings["store.db_path"])
    try:
        created = users.add_user(store, name, role, password_hash)
    finally:
        store.close()
    click.echo(f"user {created.name} added as {created.role} in {settings['store.db_path']}")


@cli.command()
@click.option("--host", default=None, help="Address to listen on (default: web.host).")
@click.option("--port", default=None, type=int, help="Port to listen on (default: web.port).")
@click.pass_context
@_fail_cleanly
def web(ctx: click.Context, host: str | None, port: int | None) -> None:
    """Serve the triage web app until Ctrl-C.

    Example: repmon --config data/demo/repmon.toml web --port 8080
    """
    import threading

    from web import WebServer

    settings = _settings(ctx)
    server = WebServer(settings, host=host, port=port).start()
    click.echo(f"repmon web app on {server.url}/ (Ctrl-C to stop)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()



# -- scheduler commands (run, status, backup, restore) --


@cli.command()
@click.option("--no-web", is_flag=True, help="Run the scheduler only, without the triage web app.")
@click.pass_context
@_fail_cleanly
def run(ctx: click.Context, no_web: bool) -> None:
    """Run repmon as a service: every job on its timetable, and the web app, until stopped.

    Stop it with SIGTERM (systemctl stop repmon) or Ctrl-C: the running job
    finishes, or is abandoned after schedule.stop_grace_seconds and runs again
    at the next start. Only one `repmon run` may use a database at a time.

    Example: repmon --config /etc/repmon/repmon.toml run
    """
    from scheduler import Service

    settings = _settings(ctx)
    logging.getLogger("repmon").setLevel(logging.INFO)
    sys.exit(Service(settings, with_web=not no_web).run_forever())


@cli.command()
@click.pass_context
@_fail_cleanly
def status(ctx: click.Context) -> None:
    """Show each job's last run, outcome and next run, recent counts and API budgets.

    Exit code 3 when a source has failed for longer than schedule.failing_hours,
    so monitoring can run it.

    Example: repmon status
    """
    import scheduler
    from data.store import Store

    settings = _settings(ctx)
    store = Store.open(settings["store.db_path"])
    try:
        report = scheduler.status(settings, store)
    finally:
        store.close()
    click.echo("\n".join(report.lines))
    if report.failing:
        sys.exit(3)


@cli.command()
@click.option("--list", "list_only", is_flag=True, help="List the backups instead of making one.")
@click.pass_context
@_fail_cleanly
def backup(ctx: click.Context, list_only: bool) -> None:
    """Back up the database now (safe while repmon runs) and copy new evidence files.

    Example: repmon backup
    """
    from data import backup as backups

    settings = _settings(ctx)
    if list_only:
        found = backups.list_backups(settings["backup.dir"])
        for path in found:
            click.echo(f"{path}  {path.stat().st_size:,} bytes")
        if not found:
            click.echo(f"no backups in {settings['backup.dir']}")
        return
    done = backups.backup(settings["store.db_path"], settings["backup.dir"], keep=settings["backup.keep"],
                          evidence_dir=settings["store.evidence_dir"])
    click.echo(f"backed up to {done.path} ({done.size:,} bytes); {done.evidence_copied} evidence files copied; "
               f"{len(done.removed)} old backups removed")


@cli.command()
@click.argument("backup_file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
@_fail_cleanly
def restore(ctx: click.Context, backup_file: Path) -> None:
    """Replace the database with a backup (stop `repmon run` first); the current one is kept beside it.

    Example: repmon restore data/backups/repmon-20261128T023000Z.db
    """
    from data import backup as backups
    from data.lock import ServiceLock
    from data.store import Store

    settings = _settings(ctx)
    db_path = settings["store.db_path"]
    with ServiceLock(db_path):
        kept = backups.restore(backup_file, db_path)
        Store.open(db_path).close()  # bring an older backup up to the current schema
    click.echo(f"restored {db_path} from {backup_file}" + (f"; the previous database is kept as {kept}" if kept else ""))


def main() -> None:
    cli(obj={})
