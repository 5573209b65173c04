# Atende: `make run` serves the demo on http://127.0.0.1:8000, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install migrate demo lint format messages worker beat clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	@mkdir -p var
	DEBUG=1 $(BIN)/python manage.py migrate --no-input

demo: migrate
	DEBUG=1 $(BIN)/python manage.py demo_load

run: demo
	@echo ""
	@echo "  Atende: http://$(HOST):$(PORT)/            (entrar: http://$(HOST):$(PORT)/entrar/)"
	@echo "  Empresas de demonstração: http://$(HOST):$(PORT)/demo/  e  http://$(HOST):$(PORT)/acme/"
	@echo "  API: http://$(HOST):$(PORT)/api/v1/docs     Admin da plataforma: http://$(HOST):$(PORT)/admin/"
	@echo ""
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/python scripts/test.py

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install
	cd src/atende && DEBUG=1 ../../$(BIN)/django-admin makemessages -l pt_BR --no-obsolete --ignore 'banking/*' && DEBUG=1 ../../$(BIN)/django-admin compilemessages -l pt_BR

worker: install
	$(BIN)/celery -A atende.celery worker --loglevel=INFO

beat: install
	$(BIN)/celery -A atende.celery beat --loglevel=INFO

clean:
	rm -rf $(VENV) var .pytest_cache
