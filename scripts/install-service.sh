#!/usr/bin/env bash
# Install the scheduled geomap job, as shipped, on a systemd machine (default) or with cron.
#
#   sudo scripts/install-service.sh                 # systemd: units + /etc/geomap/geomap.toml
#   sudo scripts/install-service.sh --cron          # cron: /etc/cron.d/geomap + logrotate + user
#   scripts/install-service.sh --root /tmp/scratch  # everything under a scratch root (DESTDIR)
#
# Options: --root DIR (install under DIR, like DESTDIR; no user is created and systemctl is not
# called), --prefix DIR (where geomap is checked out, default /opt/geomap), --user NAME (cron
# only: the system user, default geomap), --no-enable (do not enable the timer).
#
# Layout (absolute paths in the generated config, so nothing depends on where it is copied):
#   /etc/geomap/geomap.toml                 the job's config (kept if it already exists)
#   /var/lib/geomap/articles/               drop articles here (the config's sources.paths)
#   /var/lib/geomap/outputs/                the map and the exports
#   /var/lib/geomap/geomap.sqlite           the event store
#   /var/cache/geomap/gazetteer.sqlite      the gazetteer ($GEOMAP_GAZETTEER; built on first run)
#   /var/cache/geomap/assets/               the map's JS/CSS packages ($GEOMAP_ASSET_CACHE)
#   /var/log/geomap/                        cron logs (systemd logs to the journal)
set -euo pipefail

root=""
prefix="/opt/geomap"
user="geomap"
mode="systemd"
enable="yes"
while [ $# -gt 0 ]; do
    case "$1" in
        --root) root="${2%/}"; shift 2 ;;
        --prefix) prefix="$2"; shift 2 ;;
        --user) user="$2"; shift 2 ;;
        --cron) mode="cron"; shift ;;
        --no-enable) enable="no"; shift ;;
        -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
        *) echo "install-service.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

install -d "$root/etc/geomap"
config="$root/etc/geomap/geomap.toml"
if [ ! -e "$config" ]; then
    cat >"$config" <<TOML
# geomap scheduled job (written by install-service.sh). Paths are absolute: the file can be
# copied anywhere. \`geomap run --help\` lists every key; \`geomap run --config $config --check\`
# checks it.
[sources]
paths = ["/var/lib/geomap/articles"]
prune = true
max_article_bytes = 2000000

[store]
path = "/var/lib/geomap/geomap.sqlite"

[gazetteer]
offline = true
# user_agent = "geomap-myorg (me@example.org)"    # required when offline = false
# fallback_url = "http://nominatim.internal:8080"  # a private Nominatim (or Photon: .../api)

[engine]
name = "local"

[outputs]
map = "/var/lib/geomap/outputs/map.html"
geojson = "/var/lib/geomap/outputs/events.geojson"
csv = "/var/lib/geomap/outputs/events.csv"

[map]
tiles = "none"
offline = true
TOML
    chmod 0644 "$config"
fi

if [ "$mode" = "systemd" ]; then
    units="$root/etc/systemd/system"
    install -d "$units"
    for unit in geomap-regenerate.service geomap-regenerate.timer geomap-failure@.service; do
        sed "s#/opt/geomap#$prefix#g" "$here/$unit" >"$units/$unit"
        chmod 0644 "$units/$unit"
    done
    # StateDirectory= and friends create the directories at each start; the articles folder is
    # made here so that there is somewhere to put the first articles.
    install -d -m 0755 "$root/var/lib/geomap/articles" "$root/var/lib/geomap/outputs"
    if [ -z "$root" ] && command -v systemctl >/dev/null 2>&1; then
        systemctl daemon-reload
        [ "$enable" = "yes" ] && systemctl enable --now geomap-regenerate.timer
    fi
else
    if [ -z "$root" ] && ! id "$user" >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/geomap --shell /usr/sbin/nologin "$user"
    fi
    for directory in /var/lib/geomap /var/lib/geomap/articles /var/lib/geomap/outputs \
            /var/cache/geomap /var/log/geomap; do
        install -d -m 0755 "$root$directory"
        [ -z "$root" ] && chown "$user:$user" "$root$directory"
    done
    install -d "$root/etc/cron.d" "$root/etc/logrotate.d"
    sed -e "s#/opt/geomap#$prefix#g" -e "s#^\(7 \* \* \* \* \)geomap #\1$user #" \
        "$here/crontab.example" >"$root/etc/cron.d/geomap"
    sed "s#create 0640 geomap geomap#create 0640 $user $user#" "$here/geomap.logrotate" \
        >"$root/etc/logrotate.d/geomap"
    chmod 0644 "$root/etc/cron.d/geomap" "$root/etc/logrotate.d/geomap"
fi
# The map is self-contained (offline = true): its JavaScript/CSS packages must be in the asset
# cache before the first run, which has no network. Fetch them now where we can.
if [ -z "$root" ] && command -v python3 >/dev/null 2>&1; then
    install -d /var/cache/geomap/assets
    GEOMAP_ASSET_CACHE=/var/cache/geomap/assets python3 -m geomap.render \
        || echo "warning: could not fill /var/cache/geomap/assets; run" \
            "'GEOMAP_ASSET_CACHE=/var/cache/geomap/assets python3 -m geomap.render' with network" >&2
fi
echo "installed the geomap $mode job under ${root:-/}; check it with:"
echo "  geomap run --config /etc/geomap/geomap.toml --check"
