"""Hand-made events, an XSS payload corpus, and one headless chromium shared by the session."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from render_fixtures import event

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


class OpenedPage:
    """A page with every request and page error recorded."""

    def __init__(self, browser, path: Path, *, block_network: bool = False):
        self.context = browser.new_context(viewport={"width": 1200, "height": 800})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda message: self.errors.append(message.text)
                     if message.type == "error" else None)
        self.context.on("request", lambda request: self.requests.append(request.url))
        if block_network:
            self.context.route("http*://**/*", lambda route: route.abort())
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("window.geomap && window.geomap.layer.ready",
                                    timeout=60_000)

    def evaluate(self, script: str, argument=None):
        return self.page.evaluate(script, argument)

    def marker_count(self) -> int:
        """Events Leaflet draws now: its L.CircleMarker layers plus the counts of the cluster
        bubbles (L.Marker layers) that stand for the others."""
        return self.evaluate("""() => {
            let count = 0;
            geomap.layer.group.eachLayer(layer => {
                if (layer instanceof L.CircleMarker) count += 1;
                else if (layer instanceof L.Marker)
                    count += layer.geomapCluster.properties.point_count;
            });
            return count;
        }""")

    def click_marker(self, index: int) -> str:
        """Zoom until event ``index`` is drawn on its own, click its pixel, return the popup."""
        shown = self.evaluate("""index => new Promise(resolve =>
            geomap.layer.showEvent(index, marker => setTimeout(() => resolve(!!marker), 100)))""",
                              index)
        assert shown, f"event {index} is not drawn"
        x, y = self.evaluate("""index => {
            const latlng = geomap.layer.markers[index].getLatLng();
            const point = geomap.map.latLngToContainerPoint(latlng);
            const box = geomap.map.getContainer().getBoundingClientRect();
            return [box.left + point.x, box.top + point.y];
        }""", index)
        self.page.mouse.click(x, y)
        popup = self.page.locator(".leaflet-popup-content")
        popup.wait_for(timeout=5_000)
        return popup.inner_text()

    def close(self) -> None:
        self.context.close()


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
