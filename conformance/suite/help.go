package suite

// TargetSpecs explains the target specs -targets takes (targets/spec).
const TargetSpecs = `Target specs (-targets, comma-separated):
  local                the in-process STS library of stsconform (the reference)
  local-http           the same library behind an awsQuery HTTP server on a
                       loopback port, called through the aws-sdk-go-v2 client
  endpoint=URL[;k=v…]  any running STS-compatible server (your emulator),
                       called through the aws-sdk-go-v2 client. Options:
                         name=N              name in the reports (default "endpoint")
                         region=R            signing region (default us-east-1)
                         caller=K            whose credentials: iam-user (default), root, session
                         access-key=ID       access key id (default AKIAIOSFODNN7EXAMPLE)
                         secret-env=VAR      environment variable holding the secret
                                             (default: a dummy secret emulators accept)
                         session-token-env=VAR  variable holding a session token
                         timeout=D           per call, e.g. 30s
  moto, localstack, ministack
                       the emulator at its pinned PyPI version, run as a local
                       process (installed into the checkout's .venv/ on first
                       use: needs the stsconform checkout and Python)
  moto-container, localstack-container, ministack-container
                       the same emulators in containers (a Docker-compatible
                       engine: make engine images)
  aws[;region=…;profile=…;budget=…;rate=…;endpoint=…]
                       real AWS STS, opt-in: credentials from the SDK's chain,
                       a budget of calls (default 50) and a rate limit
  recorded[;dir=…]     answers recorded from real AWS, replayed
  client=NAME          an STS client (go-v2, go-v1, botocore, js, rusoto,
                       aws-sdk-rust) calling the local library on loopback

Example: stsconform run -targets='endpoint=http://127.0.0.1:5000;name=myemu' -report=out/report.json`

// exitText explains the exit statuses.
const exitText = `Exit status:
  0    every target behaves as AWS does (or as its reviewed baseline says)
  1    a divergence (or a baselined divergence that no longer occurs, or a
       raw-mode property violation): see the report
  2    a usage error or a setup error (a target that cannot be opened or
       reached, credentials it refuses, a report that cannot be written)
  130  interrupted (SIGINT/SIGTERM): the report written is partial; a second
       interrupt exits at once`
