#!/usr/bin/env bash
# Runs one benchmark of Ventanilla: ops/bench.sh NAME [-Dkey=value ...] [ARGS] (for example: ops/bench.sh storage).
# Builds the modules first when a pom or a source changed since the last build (mvn -B -q -DskipTests package,
# which compiles the test classes too), then runs org.ventanilla.ops.bench.<Name>Bench from ops' test classes
# with the test classpath. The benchmark prints its runs and ends with one line:
#   RESULT NAME key=value ... verified=true|false
# Benchmarks that use PostgreSQL expect it at 127.0.0.1:5432 (user postgres, database test), as ops/test.sh sets up.
set -euo pipefail
cd "$(dirname "$0")/.."

name="${1:-}"
if [ -z "$name" ]; then
    echo "usage: ops/bench.sh NAME   (available: $(ls ops/src/test/java/org/ventanilla/ops/bench/ | sed -n 's/Bench\.java$//p' | tr 'A-Z' 'a-z' | tr '\n' ' '))" >&2
    exit 2
fi
shift
class="org.ventanilla.ops.bench.$(printf '%s' "${name:0:1}" | tr 'a-z' 'A-Z')${name:1}Bench"
source_file="ops/src/test/java/$(printf '%s' "$class" | tr '.' '/').java"
if [ ! -f "$source_file" ]; then
    echo "no benchmark named '$name' ($source_file does not exist)" >&2
    exit 2
fi

out=ops/.bench
classpath_file="$out/classpath.txt"
mkdir -p "$out"
if [ ! -s "$classpath_file" ] || [ -n "$(find pom.xml ./*/pom.xml ./*/src -newer "$classpath_file" -print -quit 2>/dev/null)" ]; then
    echo "[bench] building: mvn -B -q -DskipTests package -pl ops -am" >&2
    mvn -B -q -DskipTests package dependency:build-classpath -pl ops -am \
        -Dmdep.outputFile="$PWD/$classpath_file.tmp" -Dmdep.includeScope=test >&2
    mv "$classpath_file.tmp" "$classpath_file"
fi

# Arguments of the form -Dkey=value go to the JVM (for example -Dbench.modes=redis,baseline); the rest to the benchmark.
jvm_options=()
bench_args=()
for arg in "$@"; do
    case "$arg" in
        -D*) jvm_options+=("$arg") ;;
        *) bench_args+=("$arg") ;;
    esac
done

java_bin="java"
if [ -n "${JAVA_HOME:-}" ]; then java_bin="$JAVA_HOME/bin/java"; fi
exec "$java_bin" -Xms512m -Xmx2g "${jvm_options[@]}" \
    -Dlogback.configurationFile=ops/src/test/java/org/ventanilla/ops/bench/logback-bench.xml \
    -cp "ops/target/test-classes:ops/target/classes:$(cat "$classpath_file")" \
    "$class" "${bench_args[@]}"
