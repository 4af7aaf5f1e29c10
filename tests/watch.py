"""What went wrong in the browser while a test read pages: the one watcher all tests use."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import ConsoleMessage, Page, Request, Response


@dataclass
class Watch:
    """Everything that went wrong on the pages a test visited."""

    problems: list[str] = field(default_factory=list)
    visited: list[str] = field(default_factory=list)

    def console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text} ({message.location})")

    def page_error(self, error: Exception) -> None:
        self.problems.append(f"uncaught exception: {error}")

    def request(self, request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme not in ("data", "blob") and parts.hostname != "127.0.0.1":
            self.problems.append(f"request left 127.0.0.1: {request.url}")

    def failed(self, request: Request) -> None:
        # Leaving a page cancels what it was still loading (a preview fetched on hover just
        # before the click); missing files show up as HTTP errors in `response` instead.
        if request.failure != "net::ERR_ABORTED":
            self.problems.append(f"request failed: {request.url} ({request.failure})")

    def response(self, response: Response) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def navigated(self, frame) -> None:
        if frame.parent_frame is None:
            self.visited.append(frame.url)

    def assert_clean(self) -> None:
        assert self.visited, "no page was visited"
        assert self.problems == [], f"on {self.visited}:\n" + "\n".join(self.problems)

    def attach(self, page: Page) -> Watch:
        """Listen to every event of ``page`` that can reveal a problem."""
        page.on("console", self.console)
        page.on("pageerror", self.page_error)
        page.on("request", self.request)
        page.on("requestfailed", self.failed)
        page.on("response", self.response)
        page.on("framenavigated", self.navigated)
        return self
