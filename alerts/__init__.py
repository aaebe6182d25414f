"""The act stage: what repmon does with a finding.

    finding ──► rules.maybe_open_alert ──► alert
                                            ├─► notify.queue_critical ─┐
                                            ├─► digest.queue_digest ───┼─► outbox ──► mailer.flush_outbox ──► SMTP
                                            └─► letters.draft_letter ──► .txt + .eml drafts (a person approves and sends)

Modules, one job each:

- ``rules``     when a finding opens an alert (severity threshold);
- ``summary``   one alert as e-mails show it (who is named, where, a short snippet);
- ``excerpt``   scraped text made safe to show: one-line, capped, control characters removed;
- ``render``    the Jinja2 environment (autoescape on for ``.html`` templates);
- ``compose``   building e-mail messages (headers, plain text and HTML parts);
- ``notify``    the immediate e-mail about critical alerts;
- ``digest``    the daily digest;
- ``mailer``    the only SMTP code: sending, and flushing the outbox;
- ``letters/``  takedown and referral letter drafts, one module and template per letter type.

Every e-mail goes through the store's outbox, so a message queued while the
SMTP server is down is sent on a later run, once. Nothing in a letter is ever
sent without a person approving it.
"""
