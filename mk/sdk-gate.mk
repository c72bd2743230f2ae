# The regression gate for STS clients and SDK forks (conformance/clientgate,
# docs/sdk-gate.md).
#   make sdk-gate                                  go-v2 and go-v1, against their reviewed baselines
#   make sdk-gate CLIENTS=all                      every client of targets/clients/registry.go
#   make sdk-gate CLIENTS=go-v2,go-v1,botocore,js,rusoto,aws-sdk-rust
#   make sdk-gate SEED=7 GATE_CASES=2000           wider exploration (baselines were recorded with seed 1)
#   make sdk-gate-update                           re-record fixtures/baselines/clients/<client>.json (then review the reasons)
CLIENTS        ?= go-v2,go-v1
GATE_SEED      ?= 1
GATE_CASES     ?= 300
GATE_RESPONSES ?= 300
GATE_REPORT    ?= $(CURDIR)/out/sdk-gate.json
GATE_FLAGS      = -clients='$(CLIENTS)' -seed=$(GATE_SEED) -cases=$(GATE_CASES) -responses=$(GATE_RESPONSES) -report='$(GATE_REPORT)'

.PHONY: sdk-gate sdk-gate-update bench-clients

## sdk-gate: run the client gate on CLIENTS; writes out/sdk-gate.{json,md,html}.
sdk-gate:
	@$(GO) test ./conformance/clientgate -count=1 -run '^TestGate$$' -v $(GATE_FLAGS); status=$$?; \
	echo "report: $(GATE_REPORT) (summary: $(basename $(GATE_REPORT)).md, page: $(basename $(GATE_REPORT)).html)"; exit $$status

## sdk-gate-update: re-record the per-client baselines from a gate run.
sdk-gate-update:
	$(GO) test ./conformance/clientgate -count=1 -run '^TestGate$$' $(GATE_FLAGS) -update-baseline

## bench-clients: cases per second per client (drivers not built are
## skipped), the gate's default run for both Go clients and for all clients.
BENCH_CASES ?= 1000
bench-clients:
	$(GO) test ./conformance/clientgate -count=1 -run '^$$' -bench 'InputCases|ResponseCases' -benchtime=$(BENCH_CASES)x
	$(GO) test ./conformance/clientgate -count=1 -run '^$$' -bench 'DefaultRun|AllClientsRun' -benchtime=3x
