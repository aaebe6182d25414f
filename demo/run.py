"""``repmon demo``: the whole chain, once, offline, against local servers.

Starts the fictional demo site on 127.0.0.1 and a local SMTP server, writes
the demo's own settings file, then collects, analyses, alerts, drafts letters
and sends the digest exactly as a real run would. Everything it makes lives
in one folder (default ``data/demo/``), started afresh each time, and stays
there for the web app and later commands
(``repmon --config data/demo/repmon.toml ...``).
"""

from __future__ import annotations

import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from data.store import Store
from demo.mailbox import LocalMailbox
from demo.server import DemoSite
from repmon import clock, jobs
from repmon.config import SEVERITIES, Settings, load_settings
from repmon.errors import RepmonError
from repmon.profile import load_profile

REPO = Path(__file__).resolve().parent.parent
DEMO_PROFILE = REPO / "profiles" / "example.toml"
MARKER = ".repmon-demo"  # the demo only ever deletes a folder holding this file


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def write_settings(path: Path, values: dict[str, Any]) -> None:
    sections: dict[str, list[str]] = {}
    for key, value in values.items():
        section, name = key.split(".", 1)
        sections.setdefault(section, []).append(f"{name} = {_toml_value(value)}")
    lines = ["# Settings written by `repmon demo` for its own run; see repmon.toml for a real school.", ""]
    for section, entries in sections.items():
        lines += [f"[{section}]", *entries, ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def demo_settings(workdir: Path, site_base: str, smtp_port: int) -> Settings:
    values = {
        "profile.path": str(DEMO_PROFILE),
        "store.db_path": str(workdir / "repmon.db"),
        "store.evidence_dir": str(workdir / "evidence"),
        "store.letters_dir": str(workdir / "letters"),
        "collect.start_urls": [f"{site_base}/index.html"],
        "collect.feeds": [f"{site_base}/feed.xml"],
        "collect.depth": 3,
        "collect.download_delay": 0.0,
        "collect.concurrency_per_domain": 8,
        "collect.contact": "office@example-qehs.sch.uk",
        "smtp.host": "127.0.0.1",
        "smtp.port": smtp_port,
        "smtp.sender": "repmon@example-qehs.sch.uk",
        "recipients.digest": ["head@example-qehs.sch.uk", "deputy@example-qehs.sch.uk"],
        "recipients.critical": ["dsl@example-qehs.sch.uk", "head@example-qehs.sch.uk"],
        "school.address": "Queen Elizabeth High School, Example Road, Carmarthen SA31 0XX",
        "school.email": "office@example-qehs.sch.uk",
        "school.signatory": "Dafydd Rees",
        "school.signatory_role": "Head Teacher",
        "digest.school_days_only": False,  # the demo sends its digest on any day it is run
    }
    path = workdir / "repmon.toml"
    write_settings(path, values)
    return load_settings(path, environ={}, dotenv=False)


@dataclass
class DemoResult:
    workdir: Path
    seconds: float
    run: dict[str, Any]
    items: int
    relevant: int
    alerts_by_severity: dict[str, int]
    letters: list[Path]            # one file per letter (its .txt; an .eml draft sits beside it)
    mail: list[Path]
    digest_files: list[Path]
    school: str
    problems: list[str] = field(default_factory=list)
    social: list[dict[str, Any]] = field(default_factory=list)   # one source run per recorded social platform


def run_demo(workdir: str | Path = "data/demo") -> DemoResult:
    """Run the whole chain once against the local demo site and SMTP server."""
    from alerts.digest import build_digest, day_bounds

    started = time.monotonic()
    workdir = Path(workdir).resolve()
    if workdir.exists() and any(workdir.iterdir()):
        if not (workdir / MARKER).is_file():
            raise RepmonError(f"{workdir}: not empty and not made by repmon demo; give --workdir a new or empty folder.")
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / MARKER).write_text("Made by repmon demo; replaced at each run.\n", encoding="utf-8")
    with DemoSite() as site, LocalMailbox(folder=workdir / "mail") as mailbox:
        settings = demo_settings(workdir, site.base, mailbox.port)
        profile = load_profile(settings["profile.path"])
        store = Store.open(settings["store.db_path"])
        try:
            run = jobs.collect_web(settings, store)
            from demo.social import collect_demo_social  # recorded, fictional social answers (demo/social/)
            social_runs = collect_demo_social(settings, store, profile)
            analysed = jobs.analyse_new(settings, store, profile)
            today = clock.today(settings["schedule.timezone"])
            acted = jobs.act(settings, store, profile, digest_day=today)
            # one letter of every type (a real run drafts the proposed type only), each for the alert it fits best
            from alerts.letters import LETTERS, draft_letter, propose_type
            alerts = store.alerts()
            for letter_type, module in LETTERS.items() if alerts else ():
                fits = [a for a in alerts if propose_type(a["flags"], a["source"], a["url"]) == letter_type] or [
                    a for a in alerts if set(a["categories"]) & set(module.FOCUS)] or alerts
                draft_letter(store, settings, profile, int(fits[0]["id"]), letter_type)
            # the same digest that was e-mailed, also kept as files to open in a browser or editor
            digest = build_digest(store, settings, profile, *day_bounds(today, settings["schedule.timezone"]))
            digest_files = [workdir / "digest.txt", workdir / "digest.html"]
            digest_files[0].write_text(digest.text, encoding="utf-8")
            (workdir / "digest.trend.png").write_bytes(digest.chart)
            digest_files[1].write_text(digest.html.replace("cid:trend@repmon", "digest.trend.png"), encoding="utf-8")
            severities = Counter(a["severity"] for a in store.alerts())
            letters = [Path(t["files"][0]) for t in store.takedowns() if t["files"]]
            result = DemoResult(
                workdir=workdir,
                seconds=0.0,
                run=run,
                items=store.count_items(),
                relevant=store.count_relevant(),
                alerts_by_severity={s: severities.get(s, 0) for s in reversed(SEVERITIES) if s != "none"},
                letters=letters,
                mail=list(mailbox.files),
                digest_files=digest_files,
                school=", ".join([profile.school.name, *profile.school.places[:1]]),
                problems=list(run.get("stats", {}).get("problems", [])) + analysed.errors,
                social=social_runs,
            )
            result.problems += [f"{r['source']}: {r['message']}" for r in social_runs if r["status"] != "ok"]
            if acted.failed:
                result.problems.append(f"{acted.failed} e-mails could not be sent (kept in the outbox)")
        finally:
            store.close()
    result.seconds = time.monotonic() - started
    return result


def summary(result: DemoResult) -> str:
    def rel(path: Path) -> str:
        try:
            return str(path.relative_to(Path.cwd()))
        except ValueError:
            return str(path)

    alerts = ", ".join(f"{n} {s}" for s, n in result.alerts_by_severity.items() if n) or "none"
    lines = [
        f"repmon demo finished in {result.seconds:.1f} s (offline: local site and SMTP server on 127.0.0.1)",
        f"  collected  {result.run['items_new']} items from the demo site and its feed "
        f"({result.run['status']}: {result.run['message'].split(', brave search is off')[0]})",
        *([f"  social     {sum(r['items_new'] for r in result.social)} posts and comments from "
           + ", ".join(f"{r['source']} ({r['items_new']})" for r in result.social)
           + " (recorded, fictional answers replayed through each platform's client library)"] if result.social else []),
        f"  relevant   {result.relevant} items are about {result.school}",
        f"  alerts     {sum(result.alerts_by_severity.values())}: {alerts}",
        f"  e-mails    {len(result.mail)} received by the local SMTP server (immediate alerts and the digest): {rel(result.workdir / 'mail')}/",
        f"  digest     {rel(result.digest_files[0])} and {rel(result.digest_files[1])}",
        f"  letters    {len(result.letters)} takedown drafts (.txt, .eml and .docx) in {rel(result.workdir / 'letters')}/ (nothing is sent without a person)",
        f"  database   {rel(result.workdir / 'repmon.db')}  (settings: {rel(result.workdir / 'repmon.toml')})",
    ]
    if result.problems:
        lines.append(f"  problems   {len(result.problems)}:")
        lines += [f"    - {p}" for p in result.problems[:10]]
    return "\n".join(lines)
