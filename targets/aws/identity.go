package aws

import (
	"context"
	"encoding/base32"
	"errors"
	"fmt"
	"os"
	"strings"

	sdkaws "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/record"
)

// identify asks GetCallerIdentity who the credentials are.
func (t *Target) identify(ctx context.Context, client *sts.Client, creds sdkaws.Credentials) error {
	out, err := t.callerIdentity(ctx, client)
	if err != nil {
		return fmt.Errorf("aws: GetCallerIdentity with access key %s failed (check the credentials, region and clock): %w",
			record.MaskKeyID(creds.AccessKeyID), err)
	}
	t.arn = sdkaws.ToString(out.Arn)
	t.caller = call.Caller{Kind: callerKind(t.arn, creds)}
	return nil
}

// callerKind tells session credentials (a token, an ASIA key, an assumed
// role or federated user), the root user (an ARN ending :root) and an IAM
// user apart.
func callerKind(arn string, creds sdkaws.Credentials) call.CallerKind {
	switch {
	case creds.SessionToken != "", strings.HasPrefix(creds.AccessKeyID, "ASIA"),
		strings.Contains(arn, ":assumed-role/"), strings.Contains(arn, ":federated-user/"):
		return call.Session
	case strings.HasSuffix(arn, ":root"):
		return call.Root
	}
	return call.User
}

// arnShape names the kind of principal without its account or name.
func (t *Target) arnShape() string {
	resource := t.arn[strings.LastIndex(t.arn, ":")+1:]
	kind, _, _ := strings.Cut(resource, "/")
	if kind == "" {
		return "unknown principal"
	}
	return "principal " + kind
}

// deviceFromEnv reads the virtual MFA device: its serial and its base32
// secret (as the console shows it). Both or neither must be set.
func deviceFromEnv() ([]call.Device, error) {
	serial, secret := os.Getenv(MFASerialEnv), os.Getenv(MFASecretEnv)
	switch {
	case serial == "" && secret == "":
		return nil, nil
	case serial == "" || secret == "":
		return nil, fmt.Errorf("aws: set both %s and %s, or neither", MFASerialEnv, MFASecretEnv)
	}
	clean := strings.ToUpper(strings.NewReplacer(" ", "", "=", "").Replace(secret))
	key, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(clean)
	if err != nil || len(key) == 0 {
		return nil, fmt.Errorf("aws: $%s is not a base32 TOTP secret (%d characters)", MFASecretEnv, len(secret))
	}
	return []call.Device{{Serial: serial, Secret: key}}, nil
}

// callerIdentity calls GetCallerIdentity within the budget, waiting out
// Throttling as GetSessionToken does.
func (t *Target) callerIdentity(ctx context.Context, client *sts.Client) (*sts.GetCallerIdentityOutput, error) {
	wait := t.opts.Backoff
	for attempt := 1; ; attempt++ {
		if err := t.take(ctx); err != nil {
			return nil, err
		}
		out, err := client.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
		var apiErr smithy.APIError
		if attempt == maxAttempts || !errors.As(err, &apiErr) || apiErr.ErrorCode() != "Throttling" {
			return out, err
		}
		t.throttled.Add(1)
		if err := sleep(ctx, wait); err != nil {
			return nil, err
		}
		wait *= 2
	}
}
