"""repmon: web-presence and social-media reputation monitor for schools.

This package holds what every stage shares: settings (config.py), the school
profile (profile.py), errors (errors.py), time (clock.py) and the command line
(cli.py). The stages live in the top-level packages spiders/ (collect),
data/ (store), nlp/ (analyse) and alerts/ (act).
"""

__version__ = "0.1.0"
