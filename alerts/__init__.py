"""The act stage: what repmon does with a finding.

    finding ──► rules.maybe_open_alert ──► alert
                                            ├─► notify.queue_critical ─┐                         ┌─► SMTP
                                            ├─► digest.queue_digest ───┼─► outbox ──► mailer.flush_outbox ─┤
                                            │                          │                         └─► webhook
                                            └─► letters.draft_letter ──► .txt + .eml + .docx drafts
                                                   └─► letters.workflow (approve, sent, removed...) ◄── removal.recheck_removals

Modules, one job each:

- ``rules``     when a finding opens an alert (severity threshold);
- ``summary``   one alert as e-mails show it (who is named, where, a short snippet);
- ``excerpt``   scraped text made safe to show: one-line, capped, control characters removed;
- ``render``    the Jinja2 environment (autoescape on for ``.html`` templates);
- ``compose``   building e-mail messages (headers, plain text and HTML parts);
- ``notify``    the immediate e-mail about critical alerts (once per story), and the webhook call;
- ``webhook``   the optional JSON POST for SMS or Teams gateways;
- ``digest``    the digest on school days (``schooldays``), with its trend chart (``chart``);
- ``mailer``    the only SMTP code: sending, and flushing the outbox (claims, retries with backoff);
- ``letters/``  takedown and referral letter drafts, one module and template per letter type, and
                ``letters.workflow``, the takedown states;
- ``removal``   re-checking every URL a letter asked to remove.

Every e-mail goes through the store's outbox, so a message queued while the
SMTP server is down is sent on a later run, once. docs/alerts.md describes it all. Nothing in a letter is ever
sent without a person approving it.
"""
