"""Saying so when a build's links point at this machine: ``site_url`` on a loopback address.

``mkdocs.yml`` reads ``site_url`` from the ``SITE_URL`` environment variable and falls back to
``http://127.0.0.1:8000/``. That is right for a local preview and for the pull-request check,
which publish nothing, and wrong for a site that goes online: its canonical links, feeds and
sitemap would all point at the reader's own computer. A build cannot tell which it is, so it
builds the same site either way and says what the address is and how to change it.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

CONFIG_KEY = "site_url"
ENV_VAR = "SITE_URL"


def is_loopback(site_url: str) -> bool:
    """Whether ``site_url`` names this machine (127.0.0.0/8, ::1, localhost) or no host."""
    try:
        host = urlsplit(site_url).hostname
    except ValueError:
        return False
    if not host:
        return True
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def loopback_notice(site_url: str) -> str | None:
    """What to tell the maintainer about ``site_url``, or None when it is a public address."""
    if not is_loopback(site_url):
        return None
    return (
        f"{CONFIG_KEY} is {site_url}, this machine: canonical links, feeds and the sitemap "
        f"point there. Fine for a preview; to publish, set the {ENV_VAR} environment variable "
        f"(or {CONFIG_KEY} in mkdocs.yml) to the site's public address, "
        f"e.g. {ENV_VAR}=https://example.org/archive/"
    )
