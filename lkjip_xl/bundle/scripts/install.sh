#!/bin/sh
# lkjip-xl $version ($platform): install, or upgrade in place, from this bundle. No package index is used.
# Settings (optional): LKJIP_XL_HOME = the virtual environment (default ~/lkjip),
# LKJIP_XL_PYTHON = the Python 3.11-3.13 to create it with (default: the newest one found).
set -eu
here=$$(cd "$$(dirname "$$0")" && pwd)
venv=$${LKJIP_XL_HOME:-$$HOME/lkjip}
wheels="$$here/wheels"

fail() {
    echo "GAGAL / FAILED: $$1" >&2
    exit 1
}

supported() {  # is $$1 a Python 3.11-3.13?
    "$$1" -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' >/dev/null 2>&1
}

if [ -x "$$venv/bin/python" ] && supported "$$venv/bin/python"; then
    echo "Memperbarui / upgrading $$venv"
else
    python=""
    for candidate in $${LKJIP_XL_PYTHON:-} python3.13 python3.12 python3.11 python3; do
        if command -v "$$candidate" >/dev/null 2>&1 && supported "$$candidate"; then
            python=$$candidate
            break
        fi
    done
    [ -n "$$python" ] || fail "Python 3.11, 3.12 atau 3.13 tidak ditemukan; pasang dari https://www.python.org/downloads/ / Python 3.11-3.13 not found"
    echo "Membuat / creating $$venv dengan / with $$("$$python" --version)"
    "$$python" -m venv --clear "$$venv" || fail "python -m venv $$venv"
fi

# Only this bundle's wheels; the second line puts this bundle's lkjip-xl in place even when the version
# number is the one already installed.
"$$venv/bin/python" -m pip install --no-index --find-links "$$wheels" --upgrade --upgrade-strategy eager "lkjip-xl==$version" \
    || fail "pip install"
"$$venv/bin/python" -m pip install --no-index --find-links "$$wheels" --force-reinstall --no-deps "lkjip-xl==$version" \
    || fail "pip install"
"$$venv/bin/lkjip-xl" --version
$addin_step
echo "Selesai / done: $$venv/bin/lkjip-xl"
