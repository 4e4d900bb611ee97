# cityprofile: `make` lists the targets.
SEEDS ?= seeds
PROFILES ?= profiles
JOBS ?= $(shell nproc)
# Empty means the project's corrections.csv, if there is one.
CORRECTIONS ?=
# The articles the benchmark's corpora of 2,000 and 10,000 articles are copied from.
ARTICLES ?= $(SEEDS)
PYTHON ?= python3
LAB_ARGS ?=

VENV := .venv
# A value as one shell word, whatever it holds (spaces, quotes, ";"): SEEDS,
# PROFILES, JOBS and CORRECTIONS reach the shell only through this.
quote = '$(subst ','\'',$(1))'
PY := $(VENV)/bin/python
CORRECTING = $(if $(CORRECTIONS),--corrections $(call quote,$(CORRECTIONS)))
# Real files standing for "installed": redone only when their inputs change.
INSTALLED := $(VENV)/.installed
SYSTEM := $(VENV)/.system-deps
SYSTEM_TEST := $(VENV)/.system-test-deps
STRIPPING := $(VENV)/.nbstripout

.DEFAULT_GOAL := help

## Show this help
help:
	@awk '/^## /{text=substr($$0,4); next} /^[a-zA-Z_-]+:/{if(text){split($$0,t,":"); printf "  make %-10s %s\n", t[1], text}; text=""}' $(MAKEFILE_LIST)
	@echo $(call quote,  variables: SEEDS=$(SEEDS) PROFILES=$(PROFILES) JOBS=$(JOBS) CORRECTIONS=$(or $(CORRECTIONS),corrections.csv) LAB_ARGS=$(LAB_ARGS))

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# pip compiles what it installs, but not an editable install's own modules: compiled here, each process of a
# build (and each fork server) does not compile them again where Python may not write them (PYTHONDONTWRITEBYTECODE).
$(INSTALLED): pyproject.toml $(VENV)/bin/python
	$(PY) -m pip install --upgrade pip
	$(PY) -m pip install -e '.[test]'
	$(PY) -m compileall -q src
	touch $@

$(SYSTEM): tools/install-system-deps $(VENV)/bin/python
	tools/install-system-deps
	touch $@

# The tests also drive JupyterLab in Chromium.
$(SYSTEM_TEST): tools/install-system-deps $(VENV)/bin/python
	tools/install-system-deps test
	touch $@

# What a notebook saved in JupyterLab holds besides its code and narrative (outputs, execution counts, the
# kernel's language_info) is stripped on its way into git (.gitattributes), so a Lab session leaves no diff.
$(STRIPPING): $(firstword $(MAKEFILE_LIST)) | $(INSTALLED)
	if git rev-parse --git-dir >/dev/null 2>&1; then git config filter.nbstripout.clean '$(abspath $(PY)) -m nbstripout --keep-id --extra-keys metadata.language_info'; git config filter.nbstripout.smudge cat; fi
	touch $@

## Build the profile of every city in SEEDS, and the comparison, into PROFILES
reports: $(INSTALLED) $(SYSTEM)
	$(PY) -m cityprofile build --seeds $(call quote,$(SEEDS)) --out $(call quote,$(PROFILES)) --jobs $(call quote,$(JOBS)) $(CORRECTING)

## Build the reports, then again each time an article in SEEDS or the corrections change; Ctrl-C stops
watch: $(INSTALLED) $(SYSTEM)
	$(PY) -m cityprofile watch --seeds $(call quote,$(SEEDS)) --out $(call quote,$(PROFILES)) --jobs $(call quote,$(JOBS)) $(CORRECTING)

## Run the test suite (sets up everything it needs first)
test: $(INSTALLED) $(SYSTEM_TEST)
	$(PY) -m pytest

## Print build timings: seeds, a peer papermill+nbconvert chain, 2-50 cities, 2,000 and 10,000 ARTICLES, 1,500 cities
bench: $(INSTALLED) $(SYSTEM)
	$(PY) -m cityprofile bench --seeds $(SEEDS) --articles $(ARTICLES)

# JupyterLab refuses to run as root without this flag.
ALLOW_ROOT = $(if $(filter 0,$(shell id -u)),--allow-root)
# A report notebook is saved as committed: its outputs stay in the browser (src/cityprofile/lab.py).
LAB_HOOK = --ContentsManager.pre_save_hook=cityprofile.lab.strip_before_save

## Open the notebooks in JupyterLab; LAB_ARGS passes options, e.g. LAB_ARGS="--no-browser --port 8899"
lab: $(INSTALLED) $(SYSTEM) $(STRIPPING)
	$(PY) -m cityprofile extract --seeds $(call quote,$(SEEDS)) --out $(call quote,$(PROFILES)) $(CORRECTING)
	$(VENV)/bin/jupyter lab $(ALLOW_ROOT) $(LAB_HOOK) $(LAB_ARGS) notebooks/

## Remove what builds wrote into PROFILES (nothing else: it refuses folders a build did not make) and the virtual environment
clean:
	if [ -x $(PY) ]; then $(PY) -m cityprofile clean --out $(call quote,$(PROFILES)); fi
	rm -rf $(VENV) .pytest_cache

.PHONY: help reports watch test bench lab clean
