# Everything a fresh machine needs, from Python alone.
#   make run   set up and serve the site at http://127.0.0.1:8000
#   make test  set up and run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000

.PHONY: run test setup lint fmt messages translations static clean browser-deps

# The browser suite (tests/browser) runs Debian's Chromium with axe-core,
# which comes from npm (package-lock.json pins it).
CHROMIUM ?= /usr/bin/chromium
AXE := node_modules/axe-core/axe.min.js

$(BIN)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(BIN)/.installed translations

# Compiles locale/*/LC_MESSAGES/*.po with Babel: no GNU gettext needed.
# locale/contrib holds Django's admin strings that its Kazakh catalogue lacks.
translations: $(BIN)/.installed
	$(BIN)/pybabel -q compile -d locale -D django
	$(BIN)/pybabel -q compile -d locale/contrib -D django
	$(BIN)/pybabel -q compile -d locale/contrib -D djangojs

static: $(BIN)/.installed
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0

run: setup static
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_forum
	$(BIN)/python manage.py runserver $(HOST)

$(AXE): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else \
	  echo "npm not found: axe-core is not installed (apt-get install nodejs npm)"; \
	fi

browser-deps: $(AXE)

test: setup browser-deps
	@if [ "$$SKIP_BROWSER_TESTS" = 1 ]; then \
	  echo "Browser tests (tests/browser) SKIPPED: SKIP_BROWSER_TESTS=1."; \
	elif [ ! -x "$(CHROMIUM)" ]; then \
	  echo "Browser tests (tests/browser) will be SKIPPED: no browser at $(CHROMIUM) (apt-get install chromium)."; \
	elif [ ! -f "$(AXE)" ]; then \
	  echo "Browser tests (tests/browser) will be SKIPPED: axe-core is not installed (needs npm)."; \
	fi
	@[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || \
	  echo "Proxy tests (tests/deploy) will be SKIPPED: nginx is not installed (apt-get install nginx-light)."
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: $(BIN)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Extracting strings needs GNU gettext (apt-get install gettext); compiling does not.
messages: $(BIN)/.installed
	$(BIN)/python manage.py makemessages --locale kk --locale ru --no-obsolete --add-location file --ignore '.venv/*' --ignore 'staticfiles/*'

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 node_modules tests/browser/screenshots
