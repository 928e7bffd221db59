#!/usr/bin/env bash
# Starts the machine's PostgreSQL cluster when it is installed but not running, so the
# PostgreSQL suites can run. Prints what it did; the suites themselves decide skip or fail.
set -u
if command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432; then
  exit 0
fi
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  echo "Starting PostgreSQL $version cluster 'main'…"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && exit 0
    sleep 1
  done
fi
echo "PostgreSQL is not reachable on 127.0.0.1:5432; its suites will skip (or fail with IPSP_REQUIRE_PG=1)." >&2
exit 1
