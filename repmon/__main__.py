"""``python -m repmon``: the same as the ``repmon`` command."""

from repmon.cli import main

main()
