#!/usr/bin/env bash
# Runs every test of Ventanilla: unit tests (*Test) and integration tests (*IT) with `mvn -B verify`.
# First makes sure the real services the integration tests talk to are running on this machine:
# PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 (starting them, or installing them with
# apt-get when they are missing), and headless Chromium for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[test.sh] %s\n' "$*"; }

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi

apt_updated=0
apt_install() {
    if [ "$apt_updated" -eq 0 ]; then
        $SUDO apt-get update -qq || true
        apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

ensure_postgres() {
    if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then return; fi
    if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
        log "PostgreSQL is not installed: installing it with apt-get"
        apt_install postgresql postgresql-client
    fi
    log "starting PostgreSQL"
    for v in $(ls /etc/postgresql); do
        $SUDO pg_ctlcluster --skip-systemctl-redirect "$v" main start || true
    done
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
    pg_isready -h 127.0.0.1 -p 5432 || { log "PostgreSQL did not start"; exit 1; }
}

ensure_pg_access() {
    # The tests connect as postgres to database 'test' on 127.0.0.1 without a password (trust).
    if ! psql -h 127.0.0.1 -U postgres -d test -Atc 'select 1' >/dev/null 2>&1; then
        log "configuring PostgreSQL for the tests (trust on loopback, database 'test')"
        hba=$(ls /etc/postgresql/*/main/pg_hba.conf | head -n 1)
        if ! grep -q 'ventanilla-tests' "$hba"; then
            $SUDO sed -i '1i host all all 127.0.0.1/32 trust # ventanilla-tests\nhost all all ::1/128 trust # ventanilla-tests' "$hba"
            for v in $(ls /etc/postgresql); do $SUDO pg_ctlcluster --skip-systemctl-redirect "$v" main reload || true; done
            sleep 1
        fi
        psql -h 127.0.0.1 -U postgres -d postgres -Atc "select 1 from pg_database where datname='test'" | grep -q 1 \
            || psql -h 127.0.0.1 -U postgres -d postgres -c 'create database test' >/dev/null
    fi
}

ensure_redis() {
    if redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; then return; fi
    if ! command -v redis-server >/dev/null 2>&1; then
        log "Redis is not installed: installing it with apt-get"
        apt_install redis-server redis-tools
    fi
    log "starting Redis"
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no
    for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG && break; sleep 0.5; done
    redis-cli -h 127.0.0.1 -p 6379 ping | grep -q PONG || { log "Redis did not start"; exit 1; }
}

ensure_tools() {
    command -v mvn >/dev/null 2>&1 || apt_install maven
    command -v pgbench >/dev/null 2>&1 || apt_install postgresql-contrib || true
    if [ -d channels/src/test/java/org/ventanilla/channels ] && grep -rqsl 'ChromeDriver' channels/src/test agent-console/src/test ops/src/test; then
        if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
            log "installing chromium and chromium-driver for the browser tests"
            apt_install chromium chromium-driver
        fi
    fi
}

ensure_postgres
ensure_pg_access
ensure_redis
ensure_tools

log "PostgreSQL and Redis are up; running mvn -B verify"
exec mvn -B verify "$@"
