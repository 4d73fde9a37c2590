#!/usr/bin/env bash
# bers serve against nginx (one worker) serving the same response bytes as static files, with the
# same wrk load (-t1 -c32 -d10s), in one sitting. Prints requests/s, p50 and p99 of each and the
# ratios. Installs wrk and nginx from Debian when missing; builds bers-net in release mode.
#
#   Benchmarks/serve-vs-nginx.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"

for tool in wrk nginx; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || {
    echo "installing $tool" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y "$tool" >/dev/null
  }
done
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"

swift build -c release --product bers-net >&2
bers="$(swift build -c release --show-bin-path)/bers-net"
work="$(mktemp -d)"
chmod 755 "$work"  # nginx's worker runs as another user
trap 'kill $serve_pid 2>/dev/null || true; "$nginx_bin" -p "$work" -c "$work/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$work"' EXIT

# bers serve on a free port.
"$bers" serve --config-dir Examples/picasso/config --env production --port 0 --threads "${BERS_SERVE_THREADS:-1}" --log-level warning \
  >"$work/serve.out" 2>"$work/serve.err" &
serve_pid=$!
for _ in $(seq 1 300); do grep -q '^listening on ' "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
port="$(sed -n 's/^listening on http:\/\/127.0.0.1:\([0-9]*\)$/\1/p' "$work/serve.out")"
[ -n "$port" ] || { echo "bers serve did not start:" >&2; cat "$work/serve.err" >&2; exit 1; }

tenant="de613253a8fd66"
legacy="/?action=get_config&t=$tenant"
config="/v1/config/production"

# The same bytes as static files for nginx.
mkdir -p "$work/www/v1/config" "$work/logs"
chmod -R a+rX "$work/www"
curl -sf "http://127.0.0.1:$port$legacy" >"$work/www/legacy.json"
curl -sf "http://127.0.0.1:$port$config" >"$work/www/v1/config/production"
etag="$(curl -sfI "http://127.0.0.1:$port$config" | sed -n 's/^[Ee][Tt]ag: \(.*\)\r$/\1/p')"
nginx_port=$((port + 1))
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
daemon on;
pid $work/nginx.pid;
error_log $work/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    location = / { try_files /legacy.json =404; }
  }
}
CONF
"$nginx_bin" -p "$work" -c "$work/nginx.conf"
sleep 0.5

# requests/s and p50/p99 (ms) of one wrk run.
measure() {
  local url="$1"; shift
  local out
  out="$(wrk -t1 -c32 -d"${seconds}s" --latency "$@" "$url")"
  if grep -q "Non-2xx or 3xx" <<<"$out"; then
    echo "error responses from $url:" >&2
    echo "$out" >&2
    exit 1
  fi
  local rps p50 p99
  rps="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  echo "$rps $p50 $p99"
}

row() {
  local name="$1" bers_url="$2" nginx_url="$3"; shift 3
  read -r b_rps b_p50 b_p99 < <(measure "$bers_url" "$@")
  read -r n_rps n_p50 n_p99 < <(measure "$nginx_url" "$@")
  local ratio
  ratio="$(awk -v b="$b_rps" -v n="$n_rps" 'BEGIN {printf "%.2f", b / n}')"
  printf '%-34s bers %9s req/s p50 %8s p99 %8s | nginx %9s req/s p50 %8s p99 %8s | ratio %s\n' \
    "$name" "$b_rps" "$b_p50" "$b_p99" "$n_rps" "$n_p50" "$n_p99" "$ratio"
}

echo "body bytes: legacy $(wc -c <"$work/www/legacy.json"), config $(wc -c <"$work/www/v1/config/production")"
row "legacy get_config (cached tenant)" "http://127.0.0.1:$port$legacy" "http://127.0.0.1:$nginx_port/"
row "legacy, browser (allowed Origin)" "http://127.0.0.1:$port$legacy" "http://127.0.0.1:$nginx_port/" \
  -H "Origin: https://chat.myrecruiter.ai"
row "/v1/config/production" "http://127.0.0.1:$port$config" "http://127.0.0.1:$nginx_port$config"
nginx_etag="$(curl -sfI "http://127.0.0.1:$nginx_port$config" | sed -n 's/^[Ee][Tt]ag: \(.*\)\r$/\1/p')"
read -r b_rps b_p50 b_p99 < <(measure "http://127.0.0.1:$port$config" -H "If-None-Match: $etag")
read -r n_rps n_p50 n_p99 < <(measure "http://127.0.0.1:$nginx_port$config" -H "If-None-Match: $nginx_etag")
printf '%-34s bers %9s req/s p50 %8s p99 %8s | nginx %9s req/s p50 %8s p99 %8s | ratio %s\n' \
  "/v1/config/production, 304" "$b_rps" "$b_p50" "$b_p99" "$n_rps" "$n_p50" "$n_p99" \
  "$(awk -v b="$b_rps" -v n="$n_rps" 'BEGIN {printf "%.2f", b / n}')"
