# Real AWS STS (docs/aws.md). Opt-in: nothing here runs in `make test` or CI.
# AWS_SPEC passes options: make aws-record AWS_SPEC='aws;region=eu-west-1;budget=50'
AWS_SPEC ?= aws

.PHONY: aws-record aws-discover

## aws-record: every class once against real STS (within the budget), answers recorded to fixtures/recorded/.
aws-record: stsconform
	$(BIN)/stsconform run -targets='$(AWS_SPEC)' -record -report=$(CURDIR)/out/aws-report.json

## aws-discover: ask real STS the open questions, one call each; answers go to fixtures/recorded/facts.json.
aws-discover: stsconform
	$(BIN)/stsconform run -targets='$(AWS_SPEC)' -discover
