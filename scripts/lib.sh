# Shared by run.sh and test.sh: checks and installs what a fresh Debian/Ubuntu lacks.

PY=${PYTHON:-python3}

require_python() {
    if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        echo "$1: Python 3.11 or newer is needed (found: $("$PY" --version 2>&1))" >&2
        exit 1
    fi
}

# ensure_debs WHY PACKAGE...: apt-get install the packages that are not installed yet
# (python3-venv too when this Python cannot make a virtual environment).
ensure_debs() {
    local why=$1
    shift
    command -v dpkg-query >/dev/null || return 0
    local packages=("$@") missing=() pkg sudo=""
    "$PY" -c 'import ensurepip' 2>/dev/null || packages+=(python3-venv)
    for pkg in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    ((${#missing[@]})) || return 0
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing $why: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}

# ensure_venv EXTRAS: ./.venv with Jun Desk installed (editable) with those extras.
ensure_venv() {
    [ -x .venv/bin/python ] || "$PY" -m venv .venv
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".$1"
}
