package aws

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/totp"
)

// maxAttempts bounds the tries of one case when AWS throttles.
const maxAttempts = 4

// GetSessionToken sends one case, within the budget and the rate limit. A
// Throttling answer is waited out (doubling waits) and retried; a case
// still throttled after maxAttempts is skipped, not judged.
func (t *Target) GetSessionToken(ctx context.Context, caller call.CallerKind, in call.Input) (call.Outcome, error) {
	if err := t.guardCode(in); err != nil {
		return call.Outcome{}, err
	}
	wait := t.opts.Backoff
	for attempt := 1; ; attempt++ {
		if err := t.take(ctx); err != nil {
			return call.Outcome{}, err
		}
		out, err := t.inner.GetSessionToken(ctx, caller, in)
		if err != nil || !throttled(out) {
			return out, err
		}
		t.throttled.Add(1)
		if attempt == maxAttempts {
			return call.Outcome{}, SkipError{Reason: fmt.Sprintf("throttled %d times in a row: not judged", attempt)}
		}
		if err := sleep(ctx, wait); err != nil {
			return call.Outcome{}, err
		}
		wait *= 2
	}
}

func throttled(o call.Outcome) bool {
	return o.Kind == call.ServiceError && o.Error != nil &&
		(o.Error.Code == "Throttling" || o.Error.Code == "ThrottlingException" || o.Error.Code == "RequestLimitExceeded")
}

// guardCode refuses to send a code of the device that was already sent
// within its window (AWS accepts each code once).
func (t *Target) guardCode(in call.Input) error {
	if !t.isDeviceCode(in) {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if at, ok := t.sentCodes[*in.TokenCode]; ok && time.Since(at) < 3*totp.Step {
		return SkipError{Reason: "MFA code already sent within its window: not sent again"}
	}
	t.sentCodes[*in.TokenCode] = time.Now()
	if totp.Valid(t.caller.Devices[0].Secret, *in.TokenCode, time.Now()) {
		t.validCodes[*in.TokenCode] = true
	}
	return nil
}

func (t *Target) isDeviceCode(in call.Input) bool {
	return in.TokenCode != nil && in.SerialNumber != nil && len(t.caller.Devices) > 0 &&
		*in.SerialNumber == t.caller.Devices[0].Serial
}

// RedactInput hides the device's serial and its codes (valid now, or when
// they were sent), for reports and recordings.
func (t *Target) RedactInput(in call.Input) call.Input {
	if len(t.caller.Devices) == 0 {
		return in
	}
	d := t.caller.Devices[0]
	if in.TokenCode != nil && (totp.Valid(d.Secret, *in.TokenCode, time.Now()) || t.wasValid(*in.TokenCode)) {
		in.TokenCode = call.String(CodePlaceholder)
	}
	if in.SerialNumber != nil && *in.SerialNumber == d.Serial {
		in.SerialNumber = call.String(SerialPlaceholder)
	}
	return in
}

func (t *Target) wasValid(code string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.validCodes[code]
}

// Placeholders of redacted inputs.
const (
	SerialPlaceholder = "$" + MFASerialEnv
	CodePlaceholder   = "$STSCONFORM_MFA_CODE"
)

// Replay is a curl command for the case that reads the keys, the token and
// any MFA code from the environment: nothing secret is printed.
func (t *Target) Replay(_ call.CallerKind, in call.Input) string {
	form := "'" + strings.ReplaceAll(t.RedactInput(in).Form().Encode(), "'", `'\''`) + "'"
	form = strings.NewReplacer("%24"+MFASerialEnv, `'"$`+MFASerialEnv+`"'`, "%24STSCONFORM_MFA_CODE", `'"$STSCONFORM_MFA_CODE"'`).Replace(form)
	token := ""
	if t.session {
		token = `-H "X-Amz-Security-Token: $AWS_SESSION_TOKEN" `
	}
	return fmt.Sprintf(`curl -sS '%s' --aws-sigv4 'aws:amz:%s:sts' --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" %s`+
		`-H 'Content-Type: application/x-www-form-urlencoded' --data-raw %s`, t.Endpoint(), t.Region(), token, form)
}

// RunNotes says what the run spent and what AWS throttled, for the summary.
func (t *Target) RunNotes() []string {
	used, limit := t.budget.spent()
	notes := []string{fmt.Sprintf("%s: %d of %d budgeted calls used, as %s", t.Name(), used, limit, t.Credentials())}
	if n := t.throttled.Load(); n > 0 {
		notes = append(notes, fmt.Sprintf("%s: %d Throttling answers, waited out and retried (never judged)", t.Name(), n))
	}
	if !t.caller.DevicesKnown {
		notes = append(notes, fmt.Sprintf("%s: MFA cases skipped: no device (set %s and %s)", t.Name(), MFASerialEnv, MFASecretEnv))
	}
	return notes
}
