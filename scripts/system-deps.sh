#!/usr/bin/env bash
# Installs the Debian 12 (bookworm) packages Plenum needs and a fresh machine lacks.
#
#   bash scripts/system-deps.sh           worker build libraries + ffmpeg
#   bash scripts/system-deps.sh --test    the same + what the tests use: chromium, fonts, openssl, coturn
#   bash scripts/system-deps.sh --check   install nothing: print what is missing, exit 3 if anything is
#
# Idempotent: when everything is installed it only asks dpkg-query and exits (well under a second).
# `apt-get update` runs only when something must be installed.
set -euo pipefail

# Building the mediasoup worker against the system's libraries (scripts/mediasoup-worker/).
# python3-pip: mediasoup's build script installs meson, ninja and invoke with `python3 -m pip`.
worker_build=(g++ make pkg-config python3 python3-pip libssl-dev libuv1-dev libabsl-dev libsrtp2-dev
  libusrsctp-dev libflatbuffers-dev flatbuffers-compiler liburing-dev)
# FFmpeg and ffprobe, used when ffmpeg-static's binary is not available (streaming/ffmpeg-path.ts),
# and a font for the broadcast's lower third and vote card (streaming/fonts.ts).
runtime=(ffmpeg fonts-dejavu-core)
# Tests: headless Chromium and fonts (browser tests, legible screenshots); the openssl CLI is the
# DTLS client of server/media/dtls-handshake.test.ts; coturn is the TURN relay that
# test/e2e/relay.test.ts starts itself (the package's service stays disabled).
test_tools=(chromium fonts-liberation fonts-dejavu-core openssl coturn)

want=("${worker_build[@]}" "${runtime[@]}")
check_only=0
for arg in "$@"; do
  case "$arg" in
    --test) want+=("${test_tools[@]}") ;;
    --check) check_only=1 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "system-deps: unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian system (no dpkg-query); install the equivalents of: ${want[*]}" >&2
  exit 4
fi

missing=()
for pkg in "${want[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)
  # "ii " = desired install, currently installed.
  [[ "$status" == ii* ]] || missing+=("$pkg")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "system-deps: all ${#want[@]} packages present"
  exit 0
fi

install_cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
if [[ $check_only -eq 1 ]]; then
  echo "system-deps: missing: ${missing[*]}"
  echo "system-deps: install with: sudo sh -c '$install_cmd'"
  exit 3
fi

if [[ $(id -u) -ne 0 ]]; then
  echo "system-deps: missing ${missing[*]}; run as root: sudo sh -c '$install_cmd'" >&2
  exit 1
fi

echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Wait for a concurrent apt/dpkg (unattended-upgrades) instead of failing at once.
apt_opts=(-o DPkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0)
apt-get "${apt_opts[@]}" update -qq
apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends "${missing[@]}"
echo "system-deps: installed ${#missing[@]} packages"
