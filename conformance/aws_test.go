package conformance_test

import (
	"bytes"
	"encoding/base32"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance"
	"github.com/stsconform/stsconform/conformance/record"
	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/conformance/suite"
	"github.com/stsconform/stsconform/conformance/totp"
	"github.com/stsconform/stsconform/targets"
	awstarget "github.com/stsconform/stsconform/targets/aws"
	"github.com/stsconform/stsconform/targets/fakests"
	"github.com/stsconform/stsconform/targets/local"
	"github.com/stsconform/stsconform/targets/spec"
)

// childRun is one run of the main job in a child process (this test
// binary), against a fake STS, with everything it printed.
type childRun struct {
	output string
	err    error
}

// runChildSuite runs `stsconform run` with args in a child process whose
// AWS environment holds the fake's credentials of kind.
func runChildSuite(t *testing.T, s *fakests.Server, kind call.CallerKind, mfa bool, args ...string) childRun {
	t.Helper()
	c := s.Credentials(kind)
	dir := t.TempDir()
	env := append(os.Environ(), "AWS_ACCESS_KEY_ID="+c.AccessKeyID, "AWS_SECRET_ACCESS_KEY="+c.SecretAccessKey,
		"AWS_SESSION_TOKEN="+c.SessionToken, "AWS_ENDPOINT_URL_STS="+s.URL(), "AWS_REGION=us-east-1", "AWS_PROFILE=",
		"AWS_CONFIG_FILE="+dir+"/config", "AWS_SHARED_CREDENTIALS_FILE="+dir+"/credentials",
		"STSCONFORM_WRONG_SECRET="+wrongSecret(c.SecretAccessKey))
	if mfa {
		env = append(env, awstarget.MFASerialEnv+"="+s.Device().Serial,
			awstarget.MFASecretEnv+"="+base32.StdEncoding.EncodeToString(s.Device().Secret))
	}
	cmd := mainJobCommand(t, args...)
	cmd.Env = append(env, mainJobEnv+"=1")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return childRun{output: out.String(), err: err}
}

func wrongSecret(s string) string { return strings.ToLower(s[:20]) + strings.ToUpper(s[20:]) + "x" }

// secretsOf lists every secret a run against s may have held: secret keys,
// session token, the MFA secret and every code of the device during the
// run, and with keyIDs the full access key ids.
func secretsOf(s *fakests.Server, from, to time.Time, keyIDs bool) []string {
	var out []string
	for _, kind := range call.CallerKinds {
		c := s.Credentials(kind)
		out = append(out, c.SecretAccessKey, wrongSecret(c.SecretAccessKey))
		if keyIDs {
			out = append(out, c.AccessKeyID)
		}
		if c.SessionToken != "" {
			out = append(out, c.SessionToken, c.SessionToken[:40])
		}
	}
	d := s.Device()
	out = append(out, base32.StdEncoding.EncodeToString(d.Secret), string(d.Secret))
	for at := from.Add(-totp.Step); at.Before(to.Add(totp.Step)); at = at.Add(totp.Step) {
		out = append(out, "="+totp.Code(d.Secret, at), "'"+totp.Code(d.Secret, at)+"'", `"`+totp.Code(d.Secret, at)+`"`)
	}
	return out
}

// assertNoSecret scans the outputs and every file under dirs.
func assertNoSecret(t *testing.T, secrets []string, outputs []string, dirs ...string) {
	t.Helper()
	texts := map[string]string{}
	for i, o := range outputs {
		texts["output "+string(rune('A'+i))] = o
	}
	for _, dir := range dirs {
		require.NoError(t, filepath.WalkDir(dir, func(path string, e os.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			data, err := os.ReadFile(path)
			texts[path] = string(data)
			return err
		}))
	}
	require.NotEmpty(t, texts)
	for name, text := range texts {
		for _, secret := range secrets {
			if strings.Contains(text, secret) {
				t.Errorf("%s holds a secret (%d chars, starting %.3q)", name, len(secret), secret)
			}
		}
	}
}

func startFake(t *testing.T) *fakests.Server {
	t.Helper()
	s, err := fakests.Start()
	require.NoError(t, err)
	t.Cleanup(func() { assert.NoError(t, s.Close()) })
	return s
}

// TestAWSTargetAgainstFakeSTS runs the aws target end to end against a fake
// STS that verifies signatures: a coverage run with MFA, throttling and
// -record; a -discover run; the recorded target replaying both; a session
// caller with a small -budget. No output and no file holds a secret.
func TestAWSTargetAgainstFakeSTS(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the suite in child processes")
	}
	s := startFake(t)
	start := time.Now()
	out, rec := t.TempDir(), t.TempDir()
	aws := "-targets=aws;rate=200;backoff=1ms"
	s.Throttle(2)
	coverage := runChildSuite(t, s, call.User, true, aws, "-report="+out+"/report.json", "-record", "-recorded-dir="+rec)
	require.NoError(t, coverage.err, coverage.output)
	assert.Contains(t, coverage.output, "2 Throttling answers")
	assert.Regexp(t, `aws: 2\d of 50 budgeted calls used, as access key AKIA…`, coverage.output)
	var rep report.Report
	data, err := os.ReadFile(out + "/report.json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &rep))
	assert.Contains(t, strings.Join(rep.Targets[0].Notes, "\n"), "2 Throttling answers", "the report says what was throttled")
	recording, err := record.ReadRecordings(rec)
	require.NoError(t, err)
	require.Len(t, recording, 1)
	assert.Len(t, recording[0].Entries, 26, "every class once")
	assert.Equal(t, call.User, recording[0].Provenance.CallerKind)

	before := s.Calls()
	discovery := runChildSuite(t, s, call.User, true, aws, "-discover", "-recorded-dir="+rec)
	require.NoError(t, discovery.err, discovery.output)
	assert.Equal(t, 1+len(record.Questions)-1+len(record.RawQuestions), s.Calls()-before, "one call per question, and GetCallerIdentity")
	facts, err := record.ReadFacts(filepath.Join(rec, record.FactsFile))
	require.NoError(t, err)
	assert.Len(t, facts.Facts, len(record.Questions)-1+len(record.RawQuestions), "all but the session caller's question")
	for _, f := range facts.Facts {
		assert.Empty(t, f.Answer.Failure, f.Question)
		assert.NotZero(t, f.Answer.HTTPStatus, f.Question)
		if f.Answer.Error != nil {
			assert.NotEqual(t, "SignatureDoesNotMatch", f.Answer.Error.Code, "raw requests are signed right: %s", f.Question)
		}
	}
	assert.Contains(t, discovery.output, "mfa-token-without-serial")

	replay := runChildSuite(t, s, call.User, false, "-targets=recorded;dir="+rec, "-recorded-dir="+rec, "-report="+out+"/replay.json")
	require.NoError(t, replay.err, replay.output)
	assert.Regexp(t, `stsconform: 2\d cases`, replay.output, "the recorded cases are replayed")

	session := runChildSuite(t, s, call.Session, false, "-targets=aws;rate=200", "-budget=5", "-report="+out+"/session.json")
	require.NoError(t, session.err, session.output)
	assert.Contains(t, session.output, "the budget of 5 calls to AWS is spent")
	assert.Contains(t, session.output, "MFA cases skipped")

	assertNoSecret(t, secretsOf(s, start, time.Now(), true),
		[]string{coverage.output, discovery.output, replay.output, session.output}, out, rec)
}

// TestWrongSecretIsASetupError: a wrong secret against an endpoint= target
// stops the run after a few calls with one message that names the key,
// masked, and never prints the secret.
func TestWrongSecretIsASetupError(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the suite in a child process")
	}
	s := startFake(t)
	c := s.Credentials(call.User)
	out := t.TempDir()
	run := runChildSuite(t, s, call.User, false, "-targets=endpoint="+s.URL()+";access-key="+c.AccessKeyID+";secret-env=STSCONFORM_WRONG_SECRET",
		"-report="+out+"/report.json", "-rapid.checks=100")
	assert.Equal(t, suite.ExitSetup, exitStatus(run.err), "a setup error exits 2:\n%s", run.output)
	assert.Contains(t, run.output, "setup error: endpoint refused the credentials 3 times in a row (SignatureDoesNotMatch")
	assert.Contains(t, run.output, "access key "+record.MaskKeyID(c.AccessKeyID))
	assert.LessOrEqual(t, s.Calls(), 4, "stopped after a few calls")
	assert.Equal(t, 1, strings.Count(strings.TrimSpace(run.output), "\n")+1, "one message:\n%s", run.output)
	// The key id given in -targets is the user's own: replay commands
	// repeat it (an emulator's dummy key, usually). The aws target masks it.
	assertNoSecret(t, secretsOf(s, time.Now(), time.Now(), false), []string{run.output}, out)
}

func TestOpenFactsNameTheirDiscoverCommand(t *testing.T) {
	rep, err := conformance.Check([]targets.Target{local.NewTarget(local.New())}, conformance.WithOutput(io.Discard))
	require.NoError(t, err)
	found := false
	for _, f := range rep.UnverifiedFacts {
		if f.ID == "mfa-token-without-serial" {
			found = true
			assert.Contains(t, f.Discover, "-targets=aws -discover -discover-only=mfa-token-without-serial")
		}
	}
	assert.True(t, found, "the local run has verdicts resting on mfa-token-without-serial")
}

// TestExpiredSessionTokenIsASetupError: session credentials STS calls
// expired stop the run, naming the masked key and never the token.
func TestExpiredSessionTokenIsASetupError(t *testing.T) {
	s := startFake(t)
	s.ExpireSessions()
	c := s.Credentials(call.Session)
	t.Setenv("STSCONFORM_TEST_SECRET", c.SecretAccessKey)
	t.Setenv("STSCONFORM_TEST_TOKEN", c.SessionToken)
	target, err := spec.Open("endpoint=" + s.URL() + ";caller=session;access-key=" + c.AccessKeyID +
		";secret-env=STSCONFORM_TEST_SECRET;session-token-env=STSCONFORM_TEST_TOKEN")
	require.NoError(t, err)
	t.Cleanup(func() { spec.CloseAll([]targets.Target{target}) })
	var out bytes.Buffer
	_, err = conformance.Check([]targets.Target{target}, conformance.WithOutput(&out))
	var setup *conformance.SetupError
	require.ErrorAs(t, err, &setup)
	assert.Contains(t, err.Error(), "ExpiredToken")
	assert.Contains(t, err.Error(), record.MaskKeyID(c.AccessKeyID))
	assert.LessOrEqual(t, s.Calls(), 4)
	assertNoSecret(t, secretsOf(s, time.Now(), time.Now(), true), []string{out.String(), err.Error()})
}
