# Evidence Vault — two commands do all the set-up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
APT_PACKAGES := tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra tesseract-ocr-eng \
	poppler-utils qpdf xvfb xauth imagemagick \
	libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 \
	libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 \
	libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 \
	libxcb-xkb1 libxcb-xfixes0 libxrender1 libxi6 fonts-noto-cjk fonts-wqy-microhei fonts-wqy-zenhei fonts-dejavu-core
PYTEST_ARGS ?=
# One test process per core (at most four: each may hold OCR models), the slow tests shared out as
# they end; PARALLEL= runs them in one process.
PARALLEL ?= -n auto --maxprocesses=4 --dist worksteal

.PHONY: setup system-deps venv run test test-fast bench translations clean

setup: system-deps venv

# Installs Debian packages that are missing; as non-root prints the command instead.
system-deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing system packages: $$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else \
			echo "Missing system packages. Run:"; \
			echo "  sudo apt-get install -y $$missing"; exit 1; \
		fi; \
	fi

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install -q -e '.[test]'
	touch $@

run: setup
	$(VENV)/bin/evidence-vault-gui

test: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PARALLEL) $(PYTEST_ARGS); rc=$$?; [ $$rc -eq 5 ] && exit 0 || exit $$rc

test-fast: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PARALLEL) -m "not slow" $(PYTEST_ARGS)

translations: setup
	$(VENV)/bin/pyside6-lupdate -no-obsolete app/*.py -ts resources/translations/evidence_vault_zh_CN.ts
	$(VENV)/bin/pyside6-lrelease resources/translations/evidence_vault_zh_CN.ts -qm resources/translations/evidence_vault_zh_CN.qm

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
