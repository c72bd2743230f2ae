# The Rust client drivers (targets/clients/rust/, docs/clients-rust.md):
# rusoto_sts 0.48.0 and aws-sdk-sts, pinned by the committed Cargo.lock.
#
# CARGO_TARGET_DIR is where cargo builds; CI may point it at a cache kept
# outside the clone (e.g. CARGO_TARGET_DIR=/var/cache/stsconform/cargo-target)
# so that a fresh clone does not compile every dependency again.
CARGO            ?= cargo
RUST_DRIVERS_DIR := $(CURDIR)/targets/clients/rust
CARGO_TARGET_DIR ?= $(CURDIR)/target
export CARGO_TARGET_DIR

# Paths of the built drivers, for the Go side (exported to `go test`):
# STSCONFORM_DRIVER_<NAME> is the executable that speaks the protocol.
rust_driver = $(CARGO_TARGET_DIR)/release/stsconform-driver-$(1)
STSCONFORM_DRIVER_RUSOTO        ?= $(call rust_driver,rusoto)
STSCONFORM_DRIVER_AWS_SDK_RUST  ?= $(call rust_driver,aws-sdk)
STSCONFORM_DRIVER_RUSOTO_BROKEN ?= $(call rust_driver,rusoto-broken)
export STSCONFORM_DRIVER_RUSOTO STSCONFORM_DRIVER_AWS_SDK_RUST STSCONFORM_DRIVER_RUSOTO_BROKEN

CARGO_RUST_DRIVERS = cd $(RUST_DRIVERS_DIR) && $(CARGO)

.PHONY: clients-rust clients-rust-broken lint-clients-rust test-clients-rust bench-clients-rust

## clients-rust: build the rusoto and aws-sdk-sts drivers (release, locked),
## and the broken rusoto driver the gate's tests must catch.
clients-rust:
	$(CARGO_RUST_DRIVERS) build --release --locked
	@$(MAKE) --no-print-directory clients-rust-broken

## clients-rust-broken: build stsconform-driver-rusoto-broken, the rusoto
## driver that drops TokenCode from the wire (the gate's proof).
clients-rust-broken:
	$(CARGO_RUST_DRIVERS) build --release --locked -p stsconform-driver-rusoto \
		--features broken-drop-token-code --bin stsconform-driver-rusoto-broken

## lint-clients-rust: rustfmt check and clippy -D warnings, broken build included.
lint-clients-rust:
	$(CARGO_RUST_DRIVERS) fmt --check
	$(CARGO_RUST_DRIVERS) clippy --release --locked --all-targets --all-features -- -D warnings

## test-clients-rust: the drivers' own unit tests.
test-clients-rust:
	$(CARGO_RUST_DRIVERS) test --release --locked --all-features

## bench-clients-rust: make bench-drivers for the two Rust drivers only.
bench-clients-rust: clients-rust
	$(call run_bench_drivers,rusoto$(comma)aws-sdk-rust)
