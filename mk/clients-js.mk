# The JavaScript v3 client driver (targets/clients/js, docs/clients-js.md).
JS_DRIVER_DIR := $(CURDIR)/targets/clients/js
JS_STAMP      := $(JS_DRIVER_DIR)/node_modules/.stsconform-lock.sha256
NPM           ?= npm

.PHONY: lint-clients-js test-clients-js bench-clients-js

## clients-js: npm ci the pinned @aws-sdk/client-sts (and eslint) into
## targets/clients/js/node_modules (a no-op while it matches package-lock.json).
clients-js:
	@cd $(JS_DRIVER_DIR) && want=$$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1); \
	if [ "$$(cat $(JS_STAMP) 2>/dev/null)" = "$$want" ]; then \
		echo "clients-js: node_modules matches package-lock.json"; \
	else \
		$(NPM) ci --no-audit --no-fund && echo "$$want" > $(JS_STAMP); \
	fi

## lint-clients-js: eslint on the driver.
lint-clients-js: clients-js
	cd $(JS_DRIVER_DIR) && $(NPM) run --silent lint

## bench-clients-js: make bench-drivers for the JavaScript driver only.
bench-clients-js: clients-js
	$(call run_bench_drivers,js)

## test-clients-js: the driver's own tests (node --test, a canned server on loopback).
test-clients-js: clients-js
	cd $(JS_DRIVER_DIR) && $(NPM) test --silent
