# stsconform — make targets. Every target works on a fresh clone: tools are
# installed into .bin/ on first use, never globally.

GO          ?= go
BIN         := $(CURDIR)/.bin
STATICCHECK := $(BIN)/staticcheck
STATICCHECK_VERSION := v0.8.2

# The main job's knobs: which targets, how many generated cases, where the
# report goes, raw mode, cases in flight. Example:
#   make conformance TARGETS=local,endpoint=http://127.0.0.1:5000 CHECKS=2000 RAW=true CONCURRENCY=4
TARGETS ?= local,local-http
CHECKS  ?= 1000
REPORT  ?= $(CURDIR)/out/report.json
SEED    ?= 0
RAW     ?= false
CONCURRENCY ?= 1

.PHONY: conformance test vet lint bench tools clean engine images clients

## conformance: run the suite on TARGETS and print the divergence summary
## (the stsconform command's `run`; see docs/command.md).
conformance:
	@rm -f $(basename $(REPORT)).txt
	@$(GO) build -o $(BIN)/stsconform ./cmd/stsconform
	@$(BIN)/stsconform run \
		-targets='$(TARGETS)' -report='$(REPORT)' \
		-checks=$(CHECKS) -seed=$(SEED) -raw=$(RAW) -concurrency=$(CONCURRENCY) \
		-html='$(basename $(REPORT)).html' -junit='$(basename $(REPORT)).junit.xml' \
		> $(CURDIR)/out.conformance.log 2>&1; \
	status=$$?; \
	if [ -f $(basename $(REPORT)).txt ]; then cat $(basename $(REPORT)).txt; else cat $(CURDIR)/out.conformance.log; fi; \
	if [ $$status -ne 0 ]; then echo "FAIL: see $(CURDIR)/out.conformance.log and $(basename $(REPORT)).md"; fi; \
	echo "report: $(REPORT) (summary: $(basename $(REPORT)).md, page: $(basename $(REPORT)).html)"; \
	exit $$status

## stsconform: build the command into .bin/stsconform (make dist: release binaries).
.PHONY: stsconform
stsconform:
	$(GO) build -o $(BIN)/stsconform ./cmd/stsconform

## test: the project's self-tests (never the main job), plus vet and
## staticcheck, and the client drivers' own lints and tests (lint-clients,
## test-clients in mk/clients.mk: a driver not installed is skipped naming
## its install command, and fails when CI=true).
test: vet lint
	$(GO) test -count=1 ./...
	@$(MAKE) --no-print-directory lint-clients test-clients

vet:
	$(GO) vet ./...

lint: $(STATICCHECK)
	$(STATICCHECK) ./...

$(STATICCHECK):
	GOBIN=$(BIN) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

## bench: cases per second for local, local-http and moto, the coverage phase, the harness
## overhead, and the soak (100,000 requests to local-http).
bench:
	$(GO) test ./conformance -count=1 -run '^$$' -bench 'Suite|Overhead|CoveragePhase' -benchtime=20x
	$(GO) test ./conformance -count=1 -run '^$$' -bench 'Soak' -benchtime=1x

clean:
	rm -rf out out.conformance.log $(BIN)

## engine: install Podman (apt) and serve its Docker-compatible API on
## /run/podman/podman.sock, for the *-container targets. Idempotent; root.
engine:
	@bash .ci/engine.sh

## images: build the emulator images the *-container targets run
## (localhost/stsconform/<emulator>:<version>), reusing those already built.
images: engine
	@bash .ci/images.sh

## emulators: install the pinned moto, LocalStack and MiniStack, each into its
## own virtualenv .venv/<name> (never globally; skipped when already there).
## Pins and why: fixtures/emulators/<name>.txt. One alone: make emulators-moto.
# One per pins file (targets/emulator/catalog's test holds the table to them).
EMULATORS := $(sort $(basename $(notdir $(wildcard $(CURDIR)/fixtures/emulators/*.txt))))
VENV      := $(CURDIR)/.venv

.PHONY: emulators $(addprefix emulators-,$(EMULATORS))
emulators: $(addprefix emulators-,$(EMULATORS))

$(addprefix emulators-,$(EMULATORS)): emulators-%:
	@bash $(CURDIR)/fixtures/emulators/install.sh $* $(VENV)

# Make targets of each area (client drivers, reports, …): one file each,
# included last so that the default goal stays the first target above.
include $(wildcard mk/*.mk)
