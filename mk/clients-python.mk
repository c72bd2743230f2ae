# The botocore client driver (targets/clients/botocore, docs/clients-botocore.md).
BOTOCORE_VENV := $(CURDIR)/.venv/botocore
BOTOCORE_DIR  := $(CURDIR)/targets/clients/botocore

.PHONY: lint-clients-python

## clients-python: install the pinned botocore and ruff into .venv/botocore
## (a no-op when already installed with the same pins).
clients-python:
	@bash $(BOTOCORE_DIR)/install.sh $(CURDIR)/.venv

## lint-clients-python: ruff check and ruff format --check on the driver.
lint-clients-python: clients-python
	$(BOTOCORE_VENV)/bin/ruff check $(BOTOCORE_DIR)
	$(BOTOCORE_VENV)/bin/ruff format --check $(BOTOCORE_DIR)

## bench-clients-python: make bench-drivers for botocore only.
.PHONY: bench-clients-python
bench-clients-python: clients-python
	$(call run_bench_drivers,botocore)

## test-clients-python: the driver's own tests (its translation, through the
## protocol, against a canned server on loopback).
.PHONY: test-clients-python
test-clients-python: clients-python
	$(BOTOCORE_VENV)/bin/python -m unittest discover -s $(BOTOCORE_DIR)
