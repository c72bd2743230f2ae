# Reports rendered from saved JSON reports (conformance/report, cmd/stsconform).
#   make report FROM='a.json b.json …'   one report, or several merged (one CI job per target)
#   make report-diff OLD=a.json NEW=b.json   what changed between two runs
#   make browser                          Debian's chromium, for the browser test (root)
#   make report-screenshot FROM=a.json    docs/report.png from a report's page
FROM    ?= $(CURDIR)/out/report.json
OUTDIR  ?= $(CURDIR)/out
RENDERED ?= $(OUTDIR)/merged
OLD     ?=
NEW     ?=
SHOT_CELL ?=
SHOT_WIDTH ?= 1440
SHOT_TOP ?= \#matrix
SHOT_BOTTOM ?= table.matrix

.PHONY: report report-diff browser report-screenshot

## report: render FROM (one JSON report, or several merged into one) as
## $(RENDERED).{json,html,md,txt,junit.xml}.
report:
	@$(GO) run ./cmd/stsconform report -json '$(RENDERED).json' -html '$(RENDERED).html' \
		-md '$(RENDERED).md' -txt '$(RENDERED).txt' -junit '$(RENDERED).junit.xml' $(FROM)

## report-screenshot: docs/report.png, the conformance matrix of FROM's page
## (SHOT_TOP, SHOT_BOTTOM: CSS selectors framing another part, empty for
## the whole page; SHOT_CELL: the cells to click open, e.g.
## 'td[data-state="diverge"] a.cell', then the picture ends with its example).
report-screenshot: browser
	@$(GO) run ./cmd/stsconform report -html '$(OUTDIR)/screenshot.html' $(FROM)
	@$(GO) run ./conformance/report/internal/screenshot -cell '$(SHOT_CELL)' -width $(SHOT_WIDTH) -top '$(SHOT_TOP)' -bottom '$(SHOT_BOTTOM)' '$(OUTDIR)/screenshot.html' docs/report.png
	@echo "wrote docs/report.png"

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
