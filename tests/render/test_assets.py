"""Pinned npm assets: integrity verified, unpacked only inside the cache, never fetched offline."""

from __future__ import annotations

import base64
import hashlib
import io
import tarfile

import pytest

from geomap.render import assets
from geomap.render.assets import AssetError, NpmPackage, unpack, verify_integrity
from geomap.render.inline import inline_css_urls, script_tag


def sri(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def tarball(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, content in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def test_integrity_accepts_the_exact_bytes_and_rejects_anything_else():
    data = b"console.log(1)"
    verify_integrity(data, sri(data))
    with pytest.raises(AssetError, match="integrity mismatch"):
        verify_integrity(data + b" ", sri(data))
    with pytest.raises(AssetError, match="unsupported"):
        verify_integrity(data, "md5-abc")


def test_every_pin_is_an_exact_version_with_sha512():
    for package in assets.PACKAGES.values():
        assert package.integrity.startswith("sha512-")
        assert all(part.isdigit() for part in package.version.split("."))
        assert package.tarball_url.startswith("https://registry.npmjs.org/")


def test_unpack_strips_the_package_root_and_refuses_path_traversal(tmp_path):
    data = tarball({"package/dist/a.js": b"a", "package/../../evil.js": b"x",
                    "/abs/evil.js": b"y"})
    unpack(data, tmp_path / "pkg")
    assert (tmp_path / "pkg/dist/a.js").read_bytes() == b"a"
    assert (tmp_path / "pkg/.verified").is_file()
    assert not (tmp_path / "evil.js").exists()
    assert sorted(p.name for p in tmp_path.rglob("*.js")) == ["a.js"]


def test_a_tampered_download_is_refused_and_nothing_is_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOMAP_ASSET_CACHE", str(tmp_path))
    good = tarball({"package/x.js": b"good"})
    package = NpmPackage("fake", "1.0.0", sri(good))

    class Response(io.BytesIO):
        def __enter__(self):
            return self

        def __exit__(self, *_):
            return False

    monkeypatch.setattr(assets.urllib.request, "urlopen",
                        lambda *_a, **_k: Response(tarball({"package/x.js": b"evil"})))
    with pytest.raises(AssetError, match="integrity"):
        assets.package_dir(package)
    assert not (tmp_path / "fake@1.0.0").exists()
    monkeypatch.setattr(assets.urllib.request, "urlopen", lambda *_a, **_k: Response(good))
    assert (assets.package_dir(package) / "x.js").read_bytes() == b"good"


def test_offline_never_fetches(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOMAP_ASSET_CACHE", str(tmp_path))

    def no_network(*_args, **_kwargs):
        raise AssertionError("network used while offline")

    monkeypatch.setattr(assets.urllib.request, "urlopen", no_network)
    with pytest.raises(AssetError, match="python -m geomap.render"):
        assets.read_asset("leaflet", "dist/leaflet.js", offline=True)


@pytest.mark.usefixtures("assets_cached")
def test_css_images_become_data_uris():
    css = '.a{background:url(images/layers.png)} .b{behavior:url(#default#VML)}'
    out = inline_css_urls(css, "leaflet", "dist/leaflet.css", offline=True)
    assert 'url("data:image/png;base64,' in out
    assert "url(#default#VML)" in out
    with pytest.raises(ValueError, match="remote"):
        inline_css_urls(".c{background:url(https://x/y.png)}", "leaflet", "dist/leaflet.css",
                        offline=True)


def test_inlined_scripts_cannot_close_their_element():
    assert script_tag('x = "</script><b>"') == '<script>x = "<\\/script><b>"</script>'
