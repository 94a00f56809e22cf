#!/usr/bin/env bash
# Builds what the benchmarks need, runs every contender in turn and writes benchmarks/results/latest.md.
#
#   ./benchmarks/run.sh --quick                 smoke test (about a minute)
#   ./benchmarks/run.sh                         5 runs (a few minutes)
#   ./benchmarks/run.sh --zip path/to/function.zip --runs 7
#   ./benchmarks/run.sh --jmh                   also the JMH suite (short settings)
#   ./benchmarks/run.sh --jmh-only [JMH args]   only the JMH suite; JMH's own options follow
#   ./benchmarks/run.sh --help                  every option
#
# --skip-build reuses what the last build left; every other option goes to the harness.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

build=true
jmh=false
jmh_only=false
harness_args=()
jmh_args=()
while [[ $# -gt 0 ]]; do
	case "$1" in
		--skip-build) build=false ;;
		--jmh) jmh=true ;;
		--jmh-only) jmh=true; jmh_only=true; shift; jmh_args=("$@"); break ;;
		--help)
			sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
			java -cp benchmarks/harness/target/classes dev.lambdaruntime.benchmarks.harness.BenchmarkMain --help \
				2>/dev/null || echo "(build once to list the harness's options)"
			exit 0 ;;
		*) harness_args+=("$1") ;;
	esac
	shift
done

if $build; then
	echo "# building sample-app.jar"
	./mvnw -q -pl sample-app -am package -Dmaven.test.skip=true
	if $jmh; then
		echo "# installing lambda-runtime-spring-boot for the JMH suite"
		./mvnw -q -pl autoconfigure -am install -Dmaven.test.skip=true
		echo "# building the benchmarks and the JMH suite"
		./mvnw -q -f benchmarks/pom.xml -Pjmh package -Dmaven.test.skip=true
	else
		echo "# building the benchmarks"
		./mvnw -q -f benchmarks/pom.xml package -Dmaven.test.skip=true
	fi
fi

if ! $jmh_only; then
	java -cp benchmarks/harness/target/classes dev.lambdaruntime.benchmarks.harness.BenchmarkMain \
		${harness_args[@]+"${harness_args[@]}"}
fi

if $jmh; then
	mkdir -p benchmarks/results
	classpath="benchmarks/jmh/target/classes:$(cat benchmarks/jmh/target/classpath.txt)"
	if [[ ${#jmh_args[@]} -eq 0 ]]; then
		# Short by default: enough to see a regression of tens of percent, not to split hairs.
		jmh_args=(-f 1 -wi 3 -w 1s -i 5 -r 1s)
	fi
	java -cp "$classpath" org.openjdk.jmh.Main "${jmh_args[@]}" -rf text -rff benchmarks/results/jmh.txt
	echo "JMH results written to benchmarks/results/jmh.txt"
fi
