# Atende: `make run` serves the demo on http://127.0.0.1:8000, `make test` runs every check,
# `make serve` runs production (gunicorn). DEBUG is off unless a target says DEBUG=1.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test install migrate demo lint format messages worker beat clean

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

# Production, as configured by the environment (SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL as the
# application role, ...): refuses to start on a deploy warning or an unmigrated database.
serve: install
	DEBUG=0 $(BIN)/python manage.py collectstatic --no-input -v 0
	DEBUG=0 $(BIN)/python manage.py check --deploy --fail-level WARNING
	@DEBUG=0 $(BIN)/python manage.py migrate --check > /dev/null || { \
	  echo "A base de dados não está migrada (ou não responde): o servidor não vai subir." >&2; \
	  echo "Migre como o papel dono das tabelas e conceda o acesso ao papel da aplicação:" >&2; \
	  echo "  DATABASE_URL=postgres://atende_owner:SENHA@HOST:5432/atende \\" >&2; \
	  echo "    sh -c 'python manage.py migrate && python manage.py db_grant_app_role atende_app'" >&2; \
	  exit 1; }
	DEBUG=0 $(BIN)/gunicorn --config gunicorn.conf.py

test: install
	DEBUG=1 $(BIN)/python scripts/test.py

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install
	cd src/atende && DEBUG=1 ../../$(BIN)/django-admin makemessages -l pt_BR --no-obsolete --ignore 'banking/*' && DEBUG=1 ../../$(BIN)/django-admin compilemessages -l pt_BR

worker: install
	DEBUG=1 $(BIN)/celery -A atende.celery worker --loglevel=INFO

beat: install
	DEBUG=1 $(BIN)/celery -A atende.celery beat --loglevel=INFO

clean:
	rm -rf $(VENV) var .pytest_cache
