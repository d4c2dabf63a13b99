"""Inline scripts, styles and images into the page, so the map needs no CDN at all.

folium's pages link Leaflet, jQuery, Bootstrap and Font Awesome from four CDNs (one stylesheet from
GitHub's unpinned default branch): offline such a page is blank (DESIGN.md §6). Here every asset is
a pinned npm file from geomap.render.assets, or one of geomap's own files in ``static/``, written
into the page itself; CSS ``url(...)`` references become data URIs.
"""

from __future__ import annotations

import base64
import mimetypes
import posixpath
import re
from importlib import resources

from branca.element import Element, Figure
from jinja2 import Template

from geomap.render.assets import read_asset

_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
_SCRIPT_CLOSE = re.compile(r"</(script)", re.IGNORECASE)
_STYLE_CLOSE = re.compile(r"</(style)", re.IGNORECASE)


def data_uri(content: bytes, name: str) -> str:
    """A ``data:`` URI for a file's bytes, typed by its name."""
    mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if name.endswith(".svg"):
        mime = "image/svg+xml"
    return f"data:{mime};base64,{base64.b64encode(content).decode('ascii')}"


def inline_css_urls(css: str, package: str, css_path: str, *, offline: bool) -> str:
    """Replace relative ``url(file)`` references in a package's CSS by data URIs."""
    base = posixpath.dirname(css_path)

    def replace(match: re.Match[str]) -> str:
        reference = match.group(2)
        if reference.startswith(("data:", "#")):  # `url(#default#VML)` is an old-IE behaviour
            return match.group(0)
        if "://" in reference or reference.startswith("//"):
            raise ValueError(f"{package}/{css_path} references a remote file: {reference}")
        path = posixpath.normpath(posixpath.join(base, reference))
        return f'url("{data_uri(read_asset(package, path, offline=offline), path)}")'

    return _CSS_URL.sub(replace, css)


def script_tag(source: str) -> str:
    """A ``<script>`` element whose body cannot close the tag early."""
    return "<script>" + _SCRIPT_CLOSE.sub(r"<\\/\1", source) + "</script>"


def style_tag(source: str) -> str:
    return "<style>" + _STYLE_CLOSE.sub(r"<\\/\1", source) + "</style>"


def npm_script(package: str, path: str, *, offline: bool) -> str:
    return script_tag(read_asset(package, path, offline=offline).decode("utf-8"))


def npm_style(package: str, path: str, *, offline: bool) -> str:
    css = read_asset(package, path, offline=offline).decode("utf-8")
    return style_tag(inline_css_urls(css, package, path, offline=offline))


def static_text(name: str) -> str:
    """One of geomap's own front-end files (geomap/render/static/NAME)."""
    return resources.files("geomap.render").joinpath("static", name).read_text("utf-8")


class RawHtml(Element):
    """HTML inserted verbatim. branca's Element(text) compiles ``text`` as a Jinja template, so
    any ``{{``/``{%`` in a library's source would be evaluated (or break the page)."""

    _template = Template("{{ this.raw }}")

    def __init__(self, raw: str):
        super().__init__()
        self.raw = raw


def add_to_header(figure: Figure, name: str, html: str) -> None:
    """Add an inline block to the page head once: same name, one copy (folium's own rule)."""
    if name not in figure.header._children:
        figure.header.add_child(RawHtml(html), name=name)


def add_raw_html(figure: Figure, name: str, html: str) -> None:
    """Add a block to the page body verbatim (data blocks: never compiled as a template)."""
    figure.html.add_child(RawHtml(html), name=name)
