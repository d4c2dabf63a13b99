"""`python -m geomap.render`: fetch and verify the pinned front-end assets into the cache."""

from geomap.render.assets import ensure_all

for directory in ensure_all():
    print(directory)
