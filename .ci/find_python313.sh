#!/usr/bin/env bash
# Prints the path of a Python 3.13: python3.13 on PATH, else the newest pyenv keeps.
set -euo pipefail
if python3.13 -c "" >/dev/null 2>&1; then
    command -v python3.13
    exit 0
fi
if command -v pyenv >/dev/null 2>&1; then
    candidate=$(ls -d "$(pyenv root)"/versions/3.13*/bin/python3.13 2>/dev/null | sort -V | tail -1)
    [[ -n $candidate ]] && { echo "$candidate"; exit 0; }
fi
echo "no Python 3.13 found" >&2
exit 1
