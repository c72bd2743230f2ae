# Reports rendered from saved JSON reports (conformance/report, cmd/stsconform).
#   make report FROM='a.json b.json …'   one report, or several merged (one CI job per target)
#   make report-diff OLD=a.json NEW=b.json   what changed between two runs
#   make browser                          Debian's chromium, for the browser test (root)
FROM    ?= $(CURDIR)/out/report.json
OUTDIR  ?= $(CURDIR)/out
OLD     ?=
NEW     ?=

.PHONY: report report-diff browser

## report: render FROM (one JSON report, or several merged into one) as
## $(OUTDIR)/merged.{json,html,md,txt,junit.xml}.
report:
	@$(GO) run ./cmd/stsconform report -json '$(OUTDIR)/merged.json' -html '$(OUTDIR)/merged.html' \
		-md '$(OUTDIR)/merged.md' -txt '$(OUTDIR)/merged.txt' -junit '$(OUTDIR)/merged.junit.xml' $(FROM)

## report-diff: new divergences, fixed ones and changed verdicts from OLD to
## NEW, printed and written to $(OUTDIR)/diff.html.
report-diff:
	@test -n '$(OLD)' -a -n '$(NEW)' || { echo 'usage: make report-diff OLD=a.json NEW=b.json'; exit 2; }
	@$(GO) run ./cmd/stsconform diff -html '$(OUTDIR)/diff.html' '$(OLD)' '$(NEW)'

## browser: install Debian's chromium for the browser test of the HTML
## report (apt-get; root). A no-op when a chromium is already installed.
browser:
	@if command -v chromium >/dev/null 2>&1; then echo "chromium: $$(command -v chromium)"; else \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null && \
		echo "chromium: $$(command -v chromium)"; fi
