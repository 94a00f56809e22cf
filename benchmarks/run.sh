#!/usr/bin/env bash
# Builds what the benchmarks need, runs every contender in turn and writes benchmarks/results/latest.md.
#
#   ./benchmarks/run.sh --quick                 smoke test (about a minute)
#   ./benchmarks/run.sh                         5 runs (a few minutes), the sample's function.zip included
#   ./benchmarks/run.sh --zip path/to/function.zip --runs 7
#   ./benchmarks/run.sh --no-zip                without function.zip (no JDK 25 needed to build)
#   ./benchmarks/run.sh --jmh                   also the JMH suite (short settings)
#   ./benchmarks/run.sh --jmh-only [JMH args]   only the JMH suite; JMH's own options follow
#   ./benchmarks/run.sh --help                  every option
#
# The sample's function.zip and managed.zip come from lambda-runtime-maven-plugin (sample-app/target/lambda/), which
# needs a JDK 25 for function.zip (see docs/packaging.md). --skip-build reuses what the last build left; every other
# option goes to the harness.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

build=true
zip=true
jmh=false
jmh_only=false
harness_args=()
jmh_args=()
while [[ $# -gt 0 ]]; do
	case "$1" in
		--skip-build) build=false ;;
		--no-zip) zip=false ;;
		--jmh) jmh=true ;;
		--jmh-only) jmh=true; jmh_only=true; shift; jmh_args=("$@"); break ;;
		--help)
			sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
			java -cp benchmarks/harness/target/classes dev.lambdaruntime.benchmarks.harness.BenchmarkMain --help \
				2>/dev/null || echo "(build once to list the harness's options)"
			exit 0 ;;
		*) harness_args+=("$1") ;;
	esac
	shift
done

if $build; then
	if $zip; then
		echo "# building sample-app.jar, and with lambda-runtime-maven-plugin its function.zip and managed.zip"
		./mvnw -q -pl sample-app -am package -Dmaven.test.skip=true -Dinvoker.skip=true -Dlambda-runtime.skipContainer
	else
		echo "# building sample-app.jar and its managed.zip"
		./mvnw -q -pl sample-app -am package -Dmaven.test.skip=true -Dinvoker.skip=true \
			-Dlambda-runtime.skipFunctionZip -Dlambda-runtime.skipContainer
	fi
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

if $zip && [[ ! " ${harness_args[*]+${harness_args[*]}} " =~ " --zip " ]]; then
	harness_args+=(--zip sample-app/target/lambda/function.zip)
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
