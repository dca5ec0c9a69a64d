# Shared by the page benchmarks (sourced, not run): builds Tranche and the bare HelloApp, starts
# the packaged server with --demo and HelloApp, signs the demo's vendor and client in, and leaves:
#   base, hello_port, token (the demo's API token), project (the client's project),
#   owner_cookie, client_cookie (Cookie header values), work (a temp dir, removed on exit)
# plus measure NAME URL [wrk args] (warms up, prints NAME_per_s and NAME_p99, sets NAME_rps) and
# to_ms.
for tool in wrk curl java mvn; do
  command -v "$tool" >/dev/null || { echo "bench-pages needs $tool" >&2; exit 1; }
done
mvn -q -B -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true install -pl tranche-app -am >/dev/null
mvn -q -B -Dspotless.check.skip=true -Djacoco.skip=true test-compile -pl tranche-app >/dev/null
mvn -q -B dependency:build-classpath -pl tranche-app -Dmdep.outputFile="$PWD/target/bench-pages-classpath.txt" >/dev/null

work="$(mktemp -d "${TMPDIR:-/tmp}/tranche-bench-pages.XXXXXX")"
pids=()
# waits for the servers to end, so a benchmark run next never meets one still holding its port
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
free_port() {
  local p
  while :; do
    # below Linux's ephemeral range (32768-60999), where the local ends of outgoing connections
    # (wrk's, the JDBC pool's) come and go unseen by the probe below: CI once found its port taken
    # between the probe and the server's bind
    p=$(( (RANDOM % 12000) + 20000 ))
    [ "$p" = "${port:-}" ] && continue
    (echo > "/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}
# waits up to 180 s for URL ($1); on a 2-core machine busy with the other server a start can be slow.
# On failure shows the end of the server's log ($2), which the temp dir's removal would otherwise lose.
wait_for() {
  for _ in $(seq 1 180); do curl -fs -o /dev/null "$1" && return 0; sleep 1; done
  echo "no answer from $1" >&2
  [ -f "${2:-}" ] && tail -n 40 "$2" >&2
  exit 1
}

port=$(free_port); base="http://127.0.0.1:$port"
TRANCHE_DATA_DIR="$work/data" java -Xmx1g -jar tranche-app/target/tranche-app.jar --demo \
  --server.port="$port" > "$work/tranche.log" 2>&1 &
pids+=($!)
hello_port=$(free_port)
java -Xmx1g -cp "tranche-app/target/test-classes:$(cat target/bench-pages-classpath.txt)" \
  io.tranche.app.bench.HelloApp --server.port="$hello_port" > "$work/hello.log" 2>&1 &
pids+=($!)
wait_for "$base/actuator/health" "$work/tranche.log"
wait_for "http://127.0.0.1:$hello_port/hello" "$work/hello.log"

token=$(grep -o 'trn_[A-Za-z0-9_-]*' "$work/tranche.log" | head -n 1)
workspace=$(grep -o 'portal/login?w=[0-9a-f-]*' "$work/tranche.log" | head -n 1 | cut -d= -f2)
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | cut -d'"' -f4; }

# the vendor signs in with the demo password
owner="$work/owner.cookies"
t=$(curl -fs -c "$owner" -b "$owner" "$base/login" | csrf)
curl -fs -o /dev/null -c "$owner" -b "$owner" --data-urlencode "email=owner@demo.tranche.test" \
  --data-urlencode "password=demo-password-1" --data-urlencode "_csrf=$t" "$base/login"
# the client asks for a sign-in link; the mailbox (no SMTP here) shows it to the owner
client="$work/client.cookies"
t=$(curl -fs -c "$client" -b "$client" "$base/portal/login?w=$workspace" | csrf)
curl -fs -o /dev/null -c "$client" -b "$client" --data-urlencode "email=client@demo.tranche.test" \
  --data-urlencode "w=$workspace" --data-urlencode "_csrf=$t" "$base/portal/login"
magic=""
for _ in $(seq 1 20); do
  magic=$(curl -fs -b "$owner" "$base/console/mailbox" | grep -o 'portal/magic?token=[A-Za-z0-9_%-]*' | head -n 1 || true)
  [ -n "$magic" ] && break; sleep 0.5
done
[ -n "$magic" ] || { echo "no sign-in link in the mailbox" >&2; exit 1; }
t=$(curl -fs -c "$client" -b "$client" "$base/$magic" | csrf)
token_value="${magic#portal/magic?token=}"
curl -fs -o /dev/null -c "$client" -b "$client" --data "token=$token_value" \
  --data-urlencode "_csrf=$t" "$base/portal/magic"
cookie() { awk '$6 == "SESSION" {print "SESSION=" $7}' "$1" | tail -n 1; }
owner_cookie=$(cookie "$owner"); client_cookie=$(cookie "$client")
# the client's project (the demo has others the client does not see)
project=$(curl -fs -H "Cookie: $client_cookie" "$base/portal" | grep -o '/portal/projects/[0-9a-f-]\{36\}' | head -n 1 | cut -d/ -f4)
[ -n "$project" ] || { echo "the client sees no project" >&2; exit 1; }
curl -fs -o /dev/null -H "Cookie: $owner_cookie" "$base/console/projects/$project" \
  || { echo "the signed-in console page does not answer" >&2; exit 1; }
curl -fs -o /dev/null -H "Cookie: $client_cookie" "$base/portal/projects/$project" \
  || { echo "the signed-in portal page does not answer" >&2; exit 1; }

# runs wrk once the server has reached its steady state under the same load: rounds of 10 s,
# unmeasured, until three rounds in a row are no more than 2 % faster than the best before them,
# after at least BENCH_WARMUP seconds (default 120) and at most BENCH_WARMUP_MAX (default 300). On
# 2 cores the JIT keeps compiling a page's code for two minutes under load, in steps with flat
# stretches between them; a measure after a fixed 30 s was a third of the steady rate and varied by
# 2x from run to run.
# Prints "<name>_warmup" (seconds), "<name>_per_s" and "<name>_p99".
warmup="${BENCH_WARMUP:-120}"
warmup_max="${BENCH_WARMUP_MAX:-300}"
[ "$warmup_max" -ge "$warmup" ] || warmup_max="$warmup"
warm_up() {
  local spent=0 best=0 calm=0 round rps
  while [ "$spent" -lt "$warmup_max" ] && { [ "$spent" -lt "$warmup" ] || [ "$calm" -lt 3 ]; }; do
    round=$(( warmup_max - spent < 10 ? warmup_max - spent : 10 ))
    rps=$(wrk -t2 -c"$conns" -d"${round}s" "$@" 2>/dev/null | awk '/^Requests\/sec:/ {print $2}' || true)
    spent=$(( spent + round ))
    if awk -v r="${rps:-0}" -v b="$best" 'BEGIN { exit !(b > 0 && r <= b * 1.02) }'; then
      calm=$(( calm + 1 ))
    else
      calm=0
    fi
    best=$(awk -v r="${rps:-0}" -v b="$best" 'BEGIN { print (r > b ? r : b) }')
  done
  echo "$spent"
}
measure() {
  local name="$1" url="$2"; shift 2
  local spent=0
  [ "$warmup_max" -gt 0 ] && spent=$(warm_up "$@" "$url")
  echo "${name}_warmup: $spent s"
  wrk -t2 -c"$conns" -d"${duration}s" --latency "$@" "$url" > "$work/$name.wrk" 2>&1 || true
  wrk -t2 -c"$conns" -d2s "$@" "$url" >/dev/null 2>&1 || true
  local rps p99 errors
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$work/$name.wrk")
  p99=$(awk '$1 == "99%" {print $2}' "$work/$name.wrk")
  errors=$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$work/$name.wrk")
  echo "${name}_per_s: ${rps:-0} req/s"
  echo "${name}_p99: $(to_ms "${p99:-0ms}") ms"
  [ -z "$errors" ] || echo "${name}_non_2xx: $errors responses"
  eval "${name}_rps=${rps:-0}"
}
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'; }

