"""Finding the headless Chromium that repmon drives (screenshots; the web app's browser tests).

repmon never downloads a browser: it uses the system's Chromium (Debian's
``chromium`` package), or the binary named by ``evidence.chromium_path``.
Playwright drives it through ``executable_path``; Playwright's own browser
download (``playwright install``) is never run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from repmon.errors import ConfigError

NAMES = ("chromium", "chromium-browser")
INSTALL_HINT = ("Install Debian's package with `sudo apt-get install chromium`, "
                "or set evidence.chromium_path to the Chromium binary.")

# Flags for every launch: no traffic of the browser's own (updates, sync, safe-browsing pings, DNS prefetch),
# no WebRTC reaching local addresses, nothing kept between runs.
LAUNCH_ARGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-sync",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--dns-prefetch-disable",
    "--no-first-run",
    "--no-default-browser-check",
    "--no-pings",
    "--metrics-recording-only",
    "--mute-audio",
    "--hide-scrollbars",
    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
    "--webrtc-ip-handling-policy=disable_non_proxied_udp",
)


def find_chromium(settings: Mapping[str, Any]) -> str:
    """The path of the Chromium binary: ``evidence.chromium_path`` if set, else ``chromium`` or
    ``chromium-browser`` on PATH. Raises ConfigError saying what to install when there is none."""
    configured = str(settings.get("evidence.chromium_path") or "").strip()
    if configured:
        path = Path(configured).expanduser()
        if not path.is_file() or not os.access(path, os.X_OK):
            found = shutil.which(configured)
            if found:
                return found
            raise ConfigError(f"evidence.chromium_path is {configured!r}, which is not an executable file. "
                              + INSTALL_HINT)
        return str(path)
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise ConfigError("Chromium was not found on PATH (looked for " + ", ".join(NAMES) + "). " + INSTALL_HINT)


def chromium_version(executable: str) -> str:
    """``Chromium 156.0.8078.108`` (or the binary's name when it cannot say), for the record of a screenshot."""
    try:
        out = subprocess.run([executable, "--version"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return Path(executable).name
    line = next((line.strip() for line in out.stdout.splitlines() if line.strip()), "")
    return " ".join(line.split()[:2]) if line else Path(executable).name
