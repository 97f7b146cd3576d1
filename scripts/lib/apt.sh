# Sourced by the scripts that need Debian packages. apt_install PKG...: installs the missing ones
# (apt-get, as root or with sudo); nothing is downloaded any other way. A package may name its
# architecture (libssl3:arm64); that architecture is added to dpkg first.

apt_install() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing with apt: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "error: need root (or sudo) to apt-get install ${missing[*]}" >&2
      exit 1
    fi
  fi
  for pkg in "${missing[@]}"; do
    if [[ "$pkg" == *:* ]] && ! dpkg --print-foreign-architectures | grep -qx "${pkg##*:}" \
       && [ "${pkg##*:}" != "$(dpkg --print-architecture)" ]; then
      $sudo dpkg --add-architecture "${pkg##*:}"
    fi
  done
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
  $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
