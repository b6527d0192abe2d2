#!/usr/bin/env bash
# Builds gongkai and starts the whole system on the embedded PostgreSQL (data kept in ./data):
# the command side on http://localhost:8081, the query side on http://localhost:8082.
# Set GONGKAI_ADMIN_PASSWORD first to choose the admin's password (else one is printed once).
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -ntp -DskipTests package
java -jar command-side/target/command-side-*-exec.jar "$@" &
command_side=$!
query_side=""
trap 'kill $command_side $query_side 2>/dev/null; wait' EXIT INT TERM
java -jar query-side/target/query-side-*-exec.jar "$@" &
query_side=$!
wait
