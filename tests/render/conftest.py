"""Hand-made events, an XSS payload corpus, and one headless chromium shared by the session."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from render_fixtures import OpenedPage, event

from geomap.model import Event

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]

@pytest.fixture(scope="session")
def sample_events() -> list[Event]:
    """60 events: 4 types with distinct counts, spread over 30 days and a 2°×2° box."""
    types = (["Battles"] * 25 + ["Explosions/Remote violence"] * 18
             + ["Violence against civilians"] * 11 + ["Protests"] * 6)
    start = date(2024, 3, 1)
    return [event(i, kind, day=start + timedelta(days=i % 30), lat=35.0 + (i % 10) * 0.2,
                  lon=36.0 + (i // 10) * 0.3, fatalities=(i * 7) % 40)
            for i, kind in enumerate(types)]


@pytest.fixture(scope="session")
def project_example() -> Path:
    """The example article shipped with the project (README's first command)."""
    path = Path(__file__).resolve().parents[2] / "examples" / "darfur-kordofan-2024-05-14.txt"
    assert path.is_file(), "examples/ must ship the README's example article"
    return path


@pytest.fixture(scope="session")
def assets_cached():
    """The pinned npm assets in the cache (fetched once, needs the network the first time)."""
    from geomap.render.assets import ensure_all

    try:
        ensure_all()
    except Exception as error:  # noqa: BLE001 -- no cache and no network: nothing to render
        pytest.skip(f"front-end assets unavailable: {error}")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser):
    opened: list[OpenedPage] = []

    def opener(path: Path, **options) -> OpenedPage:
        page = OpenedPage(browser, path, **options)
        opened.append(page)
        return page

    yield opener
    for page in opened:
        page.close()
