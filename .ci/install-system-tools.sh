#!/usr/bin/env bash
# The system tools the tests drive for real, installed the one way both CI
# entry points use (.ci/run and .github/workflows/regenerate.yml):
# - bibtex (texlive-binaries, with the standard styles from texlive-base);
# - biber, for validating the biblatex file against biblatex's data model;
# - pandoc, for formatting the citations with citeproc as researchers do;
# - Chromium (and a colour emoji font), for the page test;
# - csvkit (with python3), for reading the CSV back as its users do;
# - GNU gettext's msgfmt, for checking the PO files translators receive.
# Without apt-get or root (a developer's machine) it does nothing: the tests
# that need a missing tool say so and skip, except under CI=true.
set -euo pipefail

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  # A mirror that hiccups once should not fail the run: three tries each.
  for try in 1 2 3; do apt-get update -qq && break; sleep 10; done
  for try in 1 2 3; do
    apt-get install -y -qq --no-install-recommends texlive-binaries texlive-base biber pandoc chromium fonts-noto-color-emoji csvkit python3 gettext >/dev/null && break
    [ "$try" = 3 ] && exit 1
    sleep 10
  done
fi
