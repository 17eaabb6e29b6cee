# Planassistenten – the two commands that matter:
#   make run    install, build the database, train if needed, start everything
#   make test   lint, unit and database tests (SQLite + PostgreSQL), channel tests,
#               rasa data validate, test stories, end-to-end conversations, browser test
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON310 ?= $(shell command -v python3.10 2>/dev/null || echo /root/.pyenv/versions/3.10.13/bin/python)
VENV := .venv
RASA_VENV := .venv-rasa
PY := $(VENV)/bin/python
RASA := $(RASA_VENV)/bin/rasa
MODEL := models/planbot.tar.gz
SPACY_MODEL := models/spacy_da/meta.json
LOOKUPS := data/generated/lookups.yml
DB_STAMP := var/.db-built
TRAIN_INPUTS := config.yml domain.yml $(wildcard components/*.py) planbot/vocabulary.py planbot/text.py $(shell find data -name '*.yml' -not -path 'data/generated/*' 2>/dev/null) $(LOOKUPS) $(SPACY_MODEL)

export PYTHONDONTWRITEBYTECODE := 1
# Rasa loads the custom NLU component (components/) and planbot from the repository.
export PYTHONPATH := $(CURDIR)
export TF_CPP_MIN_LOG_LEVEL := 2
export TEAMS_APP_ID ?=
export TEAMS_APP_PASSWORD ?=
export TEAMS_TENANT_ID ?=

.PHONY: help install run test shell db train lint format evaluate evaluate-split bench teams-app clean webchat system-packages stop

help:
	@echo "make run      – installér, byg databasen, træn ved behov og start assistenten"
	@echo "make test     – kør alle tests (som CI)"
	@echo "make shell    – chat med assistenten i terminalen"
	@echo "make evaluate – NLU-krydsvalidering (intent/entity F1)"
	@echo "make evaluate-split – én 80/20-opdeling: hurtigere, viser også fallback-tærsklens virkning"
	@echo "make bench    – benchmarks (byg, import, svartider)"
	@echo "make teams-app – byg Teams-app-pakken (teams/build/planassistent-teams.zip)"

$(VENV)/.installed: pyproject.toml
	$(PYTHON310) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[dev]'
	touch $@

$(RASA_VENV)/.installed: requirements-rasa.txt
	$(PYTHON310) -m venv $(RASA_VENV)
	$(RASA_VENV)/bin/pip install -q --upgrade 'pip<25'
	$(RASA_VENV)/bin/pip install -q -r requirements-rasa.txt
	touch $@

webchat/node_modules/.package-lock.json: webchat/package-lock.json
	cd webchat && npm ci --no-audit --no-fund --loglevel=error

webchat/dist/planbot-widget.js: webchat/node_modules/.package-lock.json $(wildcard webchat/src/*)
	cd webchat && npm run build --silent

webchat: webchat/dist/planbot-widget.js

install: $(VENV)/.installed $(RASA_VENV)/.installed webchat

$(DB_STAMP): $(VENV)/.installed $(shell find knowledge -type f 2>/dev/null) $(wildcard planbot/*.py)
	$(VENV)/bin/planbot build
	mkdir -p var && touch $@

db: $(DB_STAMP)

$(LOOKUPS): $(VENV)/.installed knowledge/catalogue.yaml knowledge/glossary.yaml planbot/nlu_data.py planbot/answers.py $(wildcard knowledge/plans/*.yaml)
	$(VENV)/bin/planbot nlu-data --out data/generated

$(SPACY_MODEL): $(RASA_VENV)/.installed scripts/make_spacy_model.py
	$(RASA_VENV)/bin/python scripts/make_spacy_model.py models/spacy_da

$(MODEL): $(RASA_VENV)/.installed $(TRAIN_INPUTS)
	$(RASA) train --fixed-model-name planbot --out models --quiet

train: $(MODEL)

system-packages:
	bash scripts/system_packages.sh

run: install db train
	bash scripts/run.sh

stop:
	bash scripts/services.sh stop

shell: install db train
	bash scripts/services.sh start-actions
	$(RASA) shell --model $(MODEL) --endpoints endpoints.yml

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check planbot actions channels components tests scripts teams
	$(VENV)/bin/ruff format --check planbot actions channels components tests scripts teams

format: $(VENV)/.installed
	$(VENV)/bin/ruff format planbot actions channels components tests scripts teams
	$(VENV)/bin/ruff check --fix planbot actions channels components tests scripts teams

test: install db train system-packages
	bash scripts/test.sh

evaluate: install train
	bash scripts/evaluate_nlu.sh

evaluate-split: install $(SPACY_MODEL) $(LOOKUPS)
	bash scripts/evaluate_nlu.sh split

bench: install db train
	bash scripts/bench.sh

teams-app: $(VENV)/.installed
	$(PY) teams/build_app.py

clean:
	rm -rf $(VENV) $(RASA_VENV) models var results data/generated webchat/node_modules webchat/dist
