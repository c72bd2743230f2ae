# Release binaries of the stsconform command (cmd/stsconform, docs/command.md).
#   make dist                      dist/stsconform-<version>-<os>-<arch>[.tar.gz] for every platform
#   make dist VERSION=v0.3.0       another version stamp (default: git describe)
VERSION        ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
DIST           ?= $(CURDIR)/dist
DIST_PLATFORMS ?= linux/amd64 linux/arm64 darwin/amd64 darwin/arm64

.PHONY: dist

## dist: build stsconform for DIST_PLATFORMS into dist/, version stamped, with SHA256SUMS.
dist:
	@rm -rf $(DIST) && mkdir -p $(DIST)
	@set -e; for p in $(DIST_PLATFORMS); do \
		os=$${p%/*}; arch=$${p#*/}; name=stsconform-$(VERSION)-$$os-$$arch; \
		mkdir -p $(DIST)/$$name; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath \
			-ldflags '-s -w -X main.version=$(VERSION)' -o $(DIST)/$$name/stsconform ./cmd/stsconform; \
		tar -C $(DIST) -czf $(DIST)/$$name.tar.gz $$name; rm -rf $(DIST)/$$name; \
		echo "dist/$$name.tar.gz"; \
	done
	@cd $(DIST) && sha256sum *.tar.gz > SHA256SUMS
