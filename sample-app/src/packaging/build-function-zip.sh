#!/bin/sh
# Builds function.zip for a provided.al2023 custom runtime (x86_64): bootstrap, a jlinked JRE and the extracted app.
#
#   build-function-zip.sh JDK_HOME APP_JAR TARGET_DIR
#
# JDK_HOME: a JDK 25 or later for Linux x86_64 (its jlink makes the JRE). Leaves TARGET_DIR/function (the task root,
# as Lambda unzips it) and TARGET_DIR/function.zip. Extra JRE modules: FUNCTION_ZIP_ADD_MODULES=mod1,mod2.
set -eu

jdk=$1
app_jar=$2
target=$3
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

link_jre() {
	modules=$(jre_modules)
	echo "# jlink: $modules"
	"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=zip-6 \
		--output "$root/jre"
}

check_jdk
rm -rf "$root" "$target/function.zip"
mkdir -p "$root"
extract_app
link_jre
cp "$here/bootstrap" "$root/bootstrap"
chmod 755 "$root/bootstrap"
TZ=UTC "$jdk/bin/java" "$here/ZipFunction.java" "$root" "$target/function.zip"
