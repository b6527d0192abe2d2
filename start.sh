#!/usr/bin/env bash
# Builds gongkai and starts the whole system on the embedded PostgreSQL (data kept in ./data):
# the command side on http://localhost:8081, the query side on http://localhost:8082, the pages on
# http://localhost:8080. Set GONGKAI_ADMIN_PASSWORD first to choose the admin's password (else one is
# printed once). The pages call both sides with the built-in account 'pages': its password is
# GONGKAI_PAGES_PASSWORD, or a random one for this run, given to all three processes.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -ntp -DskipTests package
export GONGKAI_PAGES_PASSWORD="${GONGKAI_PAGES_PASSWORD:-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')}"
java -jar command-side/target/command-side-*-exec.jar "$@" &
command_side=$!
query_side=""
web=""
trap 'kill $command_side $query_side $web 2>/dev/null; wait' EXIT INT TERM
java -jar query-side/target/query-side-*-exec.jar "$@" &
query_side=$!
java -jar web/target/web-*-exec.jar "$@" &
web=$!
wait
