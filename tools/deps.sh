#!/bin/sh
# Installs the Debian packages that turnus needs and this machine lacks:
# with apt-get as root, with sudo when it needs no password, and
# otherwise stops with the exact command to run.
# Usage: sh tools/deps.sh build|check|bench|fuzz
set -eu
mode=${1:-check}
pkgs="gcc make libc6-dev libglpk-dev glpk-utils libcsv-dev libcmocka-dev mandoc gettext"
case $mode in
build) ;;
check) pkgs="$pkgs chromium clang libclang-rt-14-dev valgrind strace"
	pkgs="$pkgs locales" ;;
bench) pkgs="$pkgs hyperfine coinor-cbc python3-pandas" ;;
fuzz) pkgs="$pkgs clang libclang-rt-14-dev" ;;
*) echo "usage: sh tools/deps.sh build|check|bench|fuzz" >&2; exit 2 ;;
esac
if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "turnus: not a Debian system; make sure these are installed: $pkgs" >&2
	exit 0
fi
# check: the Norwegian tests run under nb_NO.UTF-8; locale-gen makes it
# where it is missing (turnus falls back to C.UTF-8 with LANGUAGE=nb).
nb_locale() {
	[ "$mode" = check ] || return 0
	locale -a 2>/dev/null | grep -qix 'nb_NO\.utf-\{0,1\}8' && return 0
	s=""
	if [ "$(id -u)" != 0 ] && ! sudo -n true 2>/dev/null; then
		echo "turnus: the locale nb_NO.UTF-8 is missing; make it:" >&2
		echo "    echo 'nb_NO.UTF-8 UTF-8' |" \
		    "sudo tee -a /etc/locale.gen && sudo locale-gen" >&2
		return 0
	fi
	[ "$(id -u)" = 0 ] || s="sudo"
	echo "turnus: generating the locale nb_NO.UTF-8"
	grep -q '^nb_NO.UTF-8 UTF-8' /etc/locale.gen 2>/dev/null ||
	    echo 'nb_NO.UTF-8 UTF-8' | $s tee -a /etc/locale.gen >/dev/null
	$s locale-gen >/dev/null
}
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
	    grep -q 'install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && { nb_locale; exit 0; }
if [ "$(id -u)" = 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo="sudo"
else
	echo "turnus: these Debian packages are missing:$missing" >&2
	echo "turnus: install them with:" >&2
	echo "    sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "turnus: installing$missing"
$sudo apt-get update -qq >/dev/null 2>&1 || true
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
    --no-install-recommends $missing >/dev/null
nb_locale
