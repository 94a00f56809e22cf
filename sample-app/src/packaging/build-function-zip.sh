#!/bin/sh
# Builds function.zip for a provided.al2023 custom runtime (x86_64): bootstrap, a jlinked JRE, the extracted app and
# a JDK 25 AOT cache trained on it.
#
#   build-function-zip.sh JDK_HOME APP_JAR EMULATOR_JAR TARGET_DIR FUNCTION PAYLOAD
#
# JDK_HOME: a JDK 25 or later for Linux x86_64 (its jlink makes the JRE). FUNCTION and PAYLOAD: what the training run
# invokes. Leaves TARGET_DIR/function (the task root, as Lambda unzips it) and TARGET_DIR/function.zip.
# Extra JRE modules: FUNCTION_ZIP_ADD_MODULES=mod1,mod2.
set -eu

jdk=$1
app_jar=$2
emulator_jar=$3
target=$4
function=$5
payload=$6
here=$(cd "$(dirname "$0")" && pwd)
root=$target/function

fail() {
	echo "function-zip: $*" >&2
	exit 1
}

check_jdk() {
	[ -x "$jdk/bin/jlink" ] || fail "no JDK at '$jdk': the zip needs JDK 25+ (jlink and the AOT cache)." \
		"Install one and pass -Djdk25.home=/path/to/jdk-25"
	version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")
	[ "${version:-0}" -ge 25 ] || fail "'$jdk' is JDK ${version:-?}; the AOT cache needs JDK 25+ (-Djdk25.home=...)"
	grep -q '^OS_NAME="Linux"' "$jdk/release" && grep -q '^OS_ARCH="x86_64"' "$jdk/release" \
		|| fail "'$jdk' is not a Linux x86_64 JDK: its JRE would not run on Lambda's x86_64 provided.al2023"
}

# Boot's extracted layout: app.jar, whose manifest Class-Path names lib/*.jar. No nested-jar loader at start-up.
extract_app() {
	"$jdk/bin/java" -Djarmode=tools -jar "$app_jar" extract --destination "$root/app"
	mv "$root/app/$(basename "$app_jar")" "$root/app/app.jar"
}

# The modules the app's classes name (jdeps), plus what libraries reach only by reflection.
jre_modules() {
	modules=$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 25 --recursive \
		--class-path "$root/app/lib/*" "$root/app/app.jar")
	echo "$modules,jdk.unsupported${FUNCTION_ZIP_ADD_MODULES:+,$FUNCTION_ZIP_ADD_MODULES}"
}

# --compress=zip-0: the zip compresses the uncompressed image better than jlink compresses its resources one by one
# (about 19 MB against 27 MB zipped), and no class is inflated at start-up.
link_jre() {
	modules=$(jre_modules)
	echo "# jlink: $modules"
	"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=zip-0 \
		--output "$root/jre"
}

# One time for every file, in every copy: the AOT cache refuses a jar whose modification time differs from training,
# and the zip carries the times to wherever it is unzipped. 2000-01-01T00:00:00Z.
set_file_times() {
	find "$root" -exec touch -d @946684800 {} +
}

# Runs the bootstrap against the emulator, as Lambda would; JVM_OPTIONS go in as JAVA_TOOL_OPTIONS.
run_function() { # TASK_ROOT INVOCATIONS JVM_OPTIONS LOG
	"$jdk/bin/java" -cp "$emulator_jar" "$here/TrainAotCache.java" "$1" "$function" "$payload" "$2" "$3" \
		>"$4" 2>&1 || { tail -40 "$4" >&2; fail "the run with '$3' failed (log: $4)"; }
	tail -1 "$4"
}

# JEP 483/514: the JVM records what the run loads and links, and writes app.aot when SIGTERM ends it.
train_cache() {
	run_function "$root" 20 "-XX:AOTCacheOutput=app.aot" "$target/function-zip-training.log"
	[ -f "$root/app.aot" ] || fail "the training run wrote no app.aot (log: $target/function-zip-training.log)"
}

# Proof the cache travels: a copy elsewhere must start with it. AOTMode=on makes an unusable cache fatal, not silent.
check_cache_elsewhere() {
	copy="$target/function-check"
	rm -rf "$copy"
	cp -pR "$root" "$copy"
	run_function "$copy" 3 "-XX:AOTMode=on -Xlog:aot" "$target/function-zip-check.log"
	grep -m1 'Opened AOT cache' "$target/function-zip-check.log"
	rm -rf "$copy"
}

check_jdk
rm -rf "$root" "$target/function.zip"
mkdir -p "$root"
extract_app
link_jre
cp "$here/bootstrap" "$root/bootstrap"
chmod 755 "$root/bootstrap"
set_file_times
train_cache
check_cache_elsewhere
TZ=UTC "$jdk/bin/java" "$here/ZipFunction.java" "$root" "$target/function.zip"
