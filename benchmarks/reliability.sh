#!/usr/bin/env bash
# Runs the long reliability checks (not part of verify) and writes benchmarks/results/reliability/*.md.
#
#   ./benchmarks/reliability.sh                 all of them (an hour or more on 2 cores)
#   ./benchmarks/reliability.sh --quick         all of them, short (a few minutes)
#   ./benchmarks/reliability.sh soak stress     only the parts named: soak, stress, fuzz, matrix, shutdown
#
# soak    the packaged sample-app.jar serving greet: 1,000,000 invocations with 1 and with 16 workers, sampled
# stress  16 workers, 200,000 invocations with unique payloads, random delays and failures
# fuzz    every parser that reads bytes from outside: 100,000 tries a property, 20,000 damaged events a function
# matrix  every fault on every Runtime and Extensions API endpoint the runtime calls, 10 times over
# shutdown  100 spin-downs of the packaged jar at random points: no acknowledged record lost
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

soak_invocations=1000000
stress_invocations=200000
fuzz_tries=100000
fuzz_events=20000
matrix_runs=10
spindowns=100
parts=()
for arg in "$@"; do
	case "$arg" in
		--quick) soak_invocations=20000; stress_invocations=20000; fuzz_tries=5000; fuzz_events=1000; matrix_runs=1; spindowns=20 ;;
		--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		soak|stress|fuzz|matrix|shutdown) parts+=("$arg") ;;
		*) echo "Unknown argument $arg; see --help" >&2; exit 2 ;;
	esac
done
[[ ${#parts[@]} -gt 0 ]] || parts=(matrix fuzz stress shutdown soak)

results=benchmarks/results/reliability
mkdir -p "$results"
mvn=(./mvnw -B -ntp -q -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false)

for part in "${parts[@]}"; do
	start=$(date +%s)
	case "$part" in
		matrix)
			for run in $(seq 1 "$matrix_runs"); do
				echo "# fault matrix, run $run of $matrix_runs"
				"${mvn[@]}" -pl emulator,autoconfigure test -Dtest=FaultMatrixTests
			done
			cp autoconfigure/target/fault-matrix.md "$results/fault-matrix.md"
			echo "$matrix_runs run(s), every case as expected" >> "$results/fault-matrix.md" ;;
		fuzz)
			echo "# fuzzing: $fuzz_tries tries a property, $fuzz_events events a function"
			"${mvn[@]}" -pl emulator,autoconfigure test -Dtest='*FuzzTests' -Djqwik.tries.default="$fuzz_tries" \
				-Djqwik.reporting.onlyfailures=false -Dreliability.fuzz.events="$fuzz_events"
			{
				echo "| property | tries |"
				echo "|---|---:|"
				for report in emulator/target/surefire-reports/*Fuzz*-output.txt \
					autoconfigure/target/surefire-reports/*Fuzz*-output.txt; do
					awk '/^timestamp = /{match($0, /[A-Za-z]+:[A-Za-z]+ =/); name = substr($0, RSTART, RLENGTH - 2)}
						/^tries = /{print "| " name " | " $3 " |"}' "$report"
				done
				echo
				echo "Events through the whole pipeline: 2 functions x $fuzz_events damaged events + $fuzz_events arbitrary byte arrays"
			} > "$results/fuzz.md" ;;
		stress)
			echo "# concurrency stress: $stress_invocations invocations, 16 workers"
			"${mvn[@]}" -pl emulator,autoconfigure test -Dtest=ConcurrencyStressTests \
				-Dreliability.stress.invocations="$stress_invocations"
			echo "$stress_invocations invocations on 16 workers: every caller got its own answer or error" \
				> "$results/stress.md" ;;
		shutdown)
			echo "# shutdown: $spindowns spin-downs at random points"
			"${mvn[@]}" -pl sample-app -am verify -Dtest=none -Dit.test=SampleAppShutdownIT \
				-Dshutdown.loop.spindowns="$spindowns" | tee "$results/shutdown.log"
			grep -E 'spin-downs, [0-9]+ invocations|SIGTERMs, each shut down' "$results/shutdown.log" \
				> "$results/shutdown.md" ;;
		soak)
			echo "# soak: $soak_invocations invocations, 1 and 16 workers"
			"${mvn[@]}" -pl sample-app -am verify -Dtest=none -Dit.test=SoakIT \
				-Dreliability.soak.invocations="$soak_invocations" -Dreliability.soak.samples=20 \
				-Dreliability.soak.heap=true
			cat sample-app/target/soak-1.md <(echo) sample-app/target/soak-16.md > "$results/soak.md" ;;
	esac
	echo "# $part: done in $(( $(date +%s) - start )) s"
done
echo "Results in $results"
