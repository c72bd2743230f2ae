# The client gate's drivers (targets/clients/<name>/, protocol in
# targets/clients/PROTOCOL.md). Each driver's mk/clients-<lang>.mk defines
# clients-<lang>: it builds or installs that driver at its pinned versions
# into project-local places, and is a no-op when it is already there.
CLIENT_DRIVERS ?= rust python js

.PHONY: clients $(addprefix clients-,$(CLIENT_DRIVERS))

## clients: build every non-Go client driver (Rust, Python, JavaScript).
clients: $(addprefix clients-,$(CLIENT_DRIVERS))

# --- lint-clients, test-clients: every driver's lints and own tests --------
#
# Each language runs when its toolchain and its installed client are there.
# Otherwise it is skipped with one line naming the install command, unless
# CI is set to a true value (as internal/testenv reads it): then a missing
# driver fails, since CI installs everything (make clients).
clients_in_ci = case "$$(printf %s "$${CI:-}" | tr A-Z a-z)" in ""|0|false|no) false;; *) true;; esac
# What each language needs before its lint and test targets can run.
clients_ready_test_rust   = command -v $(CARGO) >/dev/null 2>&1
clients_ready_lint_rust   = $(clients_ready_test_rust) && $(CARGO) clippy --version >/dev/null 2>&1 && $(CARGO) fmt --version >/dev/null 2>&1
clients_ready_test_python = [ -x $(BOTOCORE_VENV)/bin/python ] && [ -x $(BOTOCORE_VENV)/bin/ruff ]
clients_ready_lint_python = $(clients_ready_test_python)
clients_ready_test_js     = command -v node >/dev/null 2>&1 && command -v $(NPM) >/dev/null 2>&1 && [ -d $(JS_DRIVER_DIR)/node_modules ]
clients_ready_lint_js     = $(clients_ready_test_js)
# clients_guard(lang, what, install command): runs `make what-clients-lang`,
# or skips (fails in CI) naming the install command.
define clients_guard
	@if $(clients_ready_$(2)_$(1)); then \
		$(MAKE) --no-print-directory $(2)-clients-$(1); \
	elif $(clients_in_ci); then \
		echo "$(2)-clients-$(1): the $(1) driver or its toolchain is missing (CI): run $(3)" >&2; exit 1; \
	else \
		echo "$(2)-clients-$(1): skipped, the $(1) driver or its toolchain is missing: run $(3)"; \
	fi
endef

.PHONY: lint-clients test-clients

## lint-clients: every driver's lints (Rust: rustfmt, clippy -D warnings;
## Python: ruff; JavaScript: eslint); a language not installed is skipped
## (fails when CI=true).
lint-clients:
	$(call clients_guard,rust,lint,make clients-rust (needs cargo with clippy and rustfmt: rustup component add clippy rustfmt))
	$(call clients_guard,python,lint,make clients-python)
	$(call clients_guard,js,lint,make clients-js (needs node >= 20 and npm))

## test-clients: every driver's own tests (cargo test, unittest, node --test);
## a language not installed is skipped (fails when CI=true).
test-clients:
	$(call clients_guard,rust,test,make clients-rust (needs cargo: https://rustup.rs))
	$(call clients_guard,python,test,make clients-python)
	$(call clients_guard,js,test,make clients-js (needs node >= 20 and npm))

# --- bench-drivers: the protocol's overhead, per driver --------------------
BENCH_DRIVERS ?= $(CURDIR)/.bin/benchdrivers
BENCH_CLIENTS ?= rusoto,aws-sdk-rust,botocore,js
BENCH_N       ?= 300
BENCH_ROUNDS  ?= 20
comma := ,
# run_bench_drivers(clients, comma-separated): builds and runs the benchmark.
define run_bench_drivers
	@mkdir -p $(dir $(BENCH_DRIVERS))
	$(GO) build -o $(BENCH_DRIVERS) ./targets/clients/benchdrivers
	$(BENCH_DRIVERS) -root='$(CURDIR)' -clients='$(1)' -n=$(BENCH_N) -rounds=$(BENCH_ROUNDS)
endef

.PHONY: bench-drivers

## bench-drivers: for each non-Go driver (BENCH_CLIENTS), cases/s of its
## client called in a loop inside its own language (its loop server) and of
## the same case through its driver as the gate sends it (package driver, one
## request ahead) and in lockstep, against the local STS library on loopback
## (targets/clients/benchdrivers), and the protocol's overhead per round
## (issue 10's aim: at most 20 %). BENCH_N calls per side per round,
## BENCH_ROUNDS rounds. bench-clients-<lang>: one language's drivers only.
bench-drivers: clients
	$(call run_bench_drivers,$(BENCH_CLIENTS))
