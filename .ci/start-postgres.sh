#!/usr/bin/env bash
# Start a local PostgreSQL server for the irclaims database tests (Debian, run as root).
#
# Installs the `postgresql` package if no server is present, starts a cluster listening on
# 127.0.0.1 only, creates role `irclaims` (password `irclaims`) and database `irclaims_test`,
# and waits until the server accepts connections. On success the last line printed is
#
#     export IRCLAIMS_TEST_POSTGRES_URL=postgresql://irclaims:irclaims@127.0.0.1:PORT/irclaims_test
#
# so CI can run `eval "$(.ci/start-postgres.sh | tail -n 1)"`. On failure it prints the reason
# to stderr, prints no export line and still exits 0: the PostgreSQL tests then skip with a
# reason instead of failing the build. Needs no stdin.
#
# Environment: IRCLAIMS_PG_PORT (default 5432) is the port for a fresh cluster made with initdb;
# an existing Debian cluster keeps its configured port.

set -u
export DEBIAN_FRONTEND=noninteractive

ROLE=irclaims
PASSWORD=irclaims
DATABASE=irclaims_test
HOST=127.0.0.1
PORT="${IRCLAIMS_PG_PORT:-5432}"
WAIT_SECONDS=30

fail() {
    echo "start-postgres.sh: $*; PostgreSQL tests will be skipped" >&2
    exit 0
}

log() {
    echo "start-postgres.sh: $*"
}

[ "$(id -u)" = 0 ] || fail "must run as root (uid is $(id -u))"
cd /tmp || fail "cannot cd to /tmp"

server_bindir() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

if ! command -v pg_ctlcluster >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1 \
        && [ -z "$(server_bindir)" ]; then
    log "installing postgresql with apt-get"
    if ! { apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; }; then
        fail "apt-get install postgresql failed"
    fi
fi

BINDIR="$(server_bindir)"
if [ -z "$BINDIR" ]; then
    INITDB_PATH="$(command -v initdb 2>/dev/null)"
    [ -n "$INITDB_PATH" ] || fail "no PostgreSQL server binaries found"
    BINDIR="$(dirname "$(readlink -f "$INITDB_PATH")")"
fi
id postgres >/dev/null 2>&1 || fail "there is no 'postgres' system user"

as_postgres() {
    if command -v runuser >/dev/null 2>&1; then
        runuser -u postgres -- "$@"
    else
        su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
    fi
}

SOCKET_DIR=/var/run/postgresql
CLUSTER=""
if command -v pg_lsclusters >/dev/null 2>&1; then
    # Prefer a cluster that is already online, else the first one listed.
    CLUSTER="$(pg_lsclusters -h 2>/dev/null | awk '$4 == "online" {print; exit}')"
    [ -n "$CLUSTER" ] || CLUSTER="$(pg_lsclusters -h 2>/dev/null | head -n 1)"
fi

if [ -n "$CLUSTER" ]; then
    read -r VERSION NAME PORT STATUS _ <<<"$CLUSTER"
    if [ "$STATUS" = online ]; then
        log "using running cluster $VERSION/$NAME on port $PORT"
    else
        log "starting cluster $VERSION/$NAME on $HOST:$PORT"
        pg_ctlcluster --skip-systemctl-redirect -o "-c listen_addresses=$HOST" \
            "$VERSION" "$NAME" start \
            || fail "pg_ctlcluster $VERSION $NAME start failed (see /var/log/postgresql/)"
    fi
    SOCKET_DIR="$(as_postgres "$BINDIR/psql" -p "$PORT" -XqtA -c 'SHOW unix_socket_directories' \
        2>/dev/null | cut -d, -f1)"
    [ -n "$SOCKET_DIR" ] || SOCKET_DIR=/var/run/postgresql
else
    DATA_ROOT="$(mktemp -d /tmp/irclaims-pg.XXXXXX)" || fail "mktemp failed"
    chown postgres: "$DATA_ROOT" || fail "cannot chown $DATA_ROOT to postgres"
    log "initdb in $DATA_ROOT/data"
    as_postgres "$BINDIR/initdb" -D "$DATA_ROOT/data" -U postgres -E UTF8 \
        --auth-local=trust --auth-host=scram-sha-256 >"$DATA_ROOT/initdb.log" 2>&1 \
        || fail "initdb failed (see $DATA_ROOT/initdb.log)"
    log "starting server on $HOST:$PORT"
    as_postgres "$BINDIR/pg_ctl" -D "$DATA_ROOT/data" -l "$DATA_ROOT/server.log" -w start \
        -o "-c listen_addresses=$HOST -p $PORT -c unix_socket_directories=$DATA_ROOT" \
        >/dev/null || fail "pg_ctl start failed (see $DATA_ROOT/server.log)"
    SOCKET_DIR="$DATA_ROOT"
fi

ready=0
for _ in $(seq 1 "$WAIT_SECONDS"); do
    if "$BINDIR/pg_isready" -q -h "$HOST" -p "$PORT"; then
        ready=1
        break
    fi
    sleep 1
done
[ "$ready" = 1 ] || fail "server not accepting connections on $HOST:$PORT after ${WAIT_SECONDS}s"

psql_admin() {
    as_postgres "$BINDIR/psql" -h "$SOCKET_DIR" -p "$PORT" -X -v ON_ERROR_STOP=1 -qtA "$@"
}

if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" = 1 ]; then
    psql_admin -c "ALTER ROLE $ROLE LOGIN PASSWORD '$PASSWORD'" \
        || fail "cannot set the password of role $ROLE"
else
    psql_admin -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'" \
        || fail "cannot create role $ROLE"
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != 1 ]; then
    psql_admin -c "CREATE DATABASE $DATABASE OWNER $ROLE ENCODING 'UTF8' TEMPLATE template0" \
        || fail "cannot create database $DATABASE"
fi

# Check the exact connection the tests will make: TCP, password authentication.
PGPASSWORD="$PASSWORD" "$BINDIR/psql" -h "$HOST" -p "$PORT" -U "$ROLE" -d "$DATABASE" \
    -X -v ON_ERROR_STOP=1 -qtA -c 'SELECT 1' >/dev/null \
    || fail "cannot log in as $ROLE to $DATABASE over TCP (check pg_hba.conf)"

log "ready"
echo "export IRCLAIMS_TEST_POSTGRES_URL=postgresql://$ROLE:$PASSWORD@$HOST:$PORT/$DATABASE"
