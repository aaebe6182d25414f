"""The offline demo: a fictional local site (site/), a local web server, a local SMTP server and the whole chain run once."""
