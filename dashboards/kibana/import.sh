#!/usr/bin/env bash
# Imports yuqing's Kibana saved objects (data view, visualizations, saved search, dashboard) through
# Kibana's saved objects import API. Existing objects with the same ids are overwritten, so running
# it again after an upgrade updates the dashboard.
#
#   KIBANA_URL=https://kibana.example.com:5601 KIBANA_USER=elastic KIBANA_PASSWORD=… \
#     dashboards/kibana/import.sh [--prefix yuqing-posts] [--space SPACE] [--insecure]
#
# --prefix: ElasticsearchConfig.indexPrefix (the alias the data view reads; default yuqing-posts).
# KIBANA_API_KEY may be given instead of user and password.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
prefix="yuqing-posts"
space=""
curl_opts=(-sS --fail-with-body)
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --space) space="$2"; shift 2 ;;
    --insecure) curl_opts+=(-k); shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "import.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ -z "${KIBANA_URL:-}" ]; then
  echo "import.sh: set KIBANA_URL, e.g. KIBANA_URL=http://localhost:5601" >&2
  exit 2
fi
if ! [[ "$prefix" =~ ^[a-z0-9][a-z0-9._-]*$ ]]; then
  echo "import.sh: --prefix '$prefix' is not a valid Elasticsearch index name" >&2
  exit 2
fi
auth=()
if [ -n "${KIBANA_API_KEY:-}" ]; then
  auth=(-H "Authorization: ApiKey $KIBANA_API_KEY")
elif [ -n "${KIBANA_USER:-}" ]; then
  auth=(-u "$KIBANA_USER:${KIBANA_PASSWORD:-}")
fi
base="${KIBANA_URL%/}"
[ -n "$space" ] && base="$base/s/$space"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# the data view's title is the alias name: rewrite it for a non-default prefix
sed "s/\"title\":\"yuqing-posts\"/\"title\":\"$prefix\"/" "$here/yuqing-dashboard.ndjson" \
  > "$tmp/yuqing-dashboard.ndjson"

out="$(curl "${curl_opts[@]}" "${auth[@]}" -X POST "$base/api/saved_objects/_import?overwrite=true" \
  -H "kbn-xsrf: true" --form file=@"$tmp/yuqing-dashboard.ndjson")"
echo "$out"
if ! echo "$out" | grep -q '"success":true'; then
  echo "import.sh: Kibana did not import every object (see the answer above)" >&2
  exit 1
fi
echo "import.sh: imported into $base (data view: $prefix); open the dashboard 'yuqing 舆情总览'"
