#!/usr/bin/env bash
# Builds gongkai and starts the whole system on the embedded PostgreSQL (data kept in ./data):
# the pages on http://localhost:8080, the command side on http://localhost:8081, the query side on
# http://localhost:8082. Set GONGKAI_ADMIN_PASSWORD first to choose the admin's password (else one is
# printed once). The pages call both sides with the built-in account 'pages': its password is
# GONGKAI_PAGES_PASSWORD, or a random one for this run, given to all three processes.
# Ctrl-C or SIGTERM stops the services one after the other, readers first: the pages, the query side,
# then the command side, which stops the embedded PostgreSQL once it is down itself.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -ntp -DskipTests package
export GONGKAI_PAGES_PASSWORD="${GONGKAI_PAGES_PASSWORD:-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')}"

# The services, in the order they stop: add a service in its place in this list.
services=()

stop_in_order() {
    trap - EXIT INT TERM
    for pid in "$@"; do
        kill -TERM "$pid" 2>/dev/null || continue
        wait "$pid" 2>/dev/null || true
    done
}
trap 'stop_in_order "${services[@]}"' EXIT INT TERM

java -jar command-side/target/command-side-*-exec.jar "$@" &
command_side=$!
java -jar query-side/target/query-side-*-exec.jar "$@" &
query_side=$!
java -jar web/target/web-*-exec.jar "$@" &
web=$!
services=("$web" "$query_side" "$command_side")
wait
