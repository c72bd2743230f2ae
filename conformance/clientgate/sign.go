package clientgate

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// sigV4 is a parsed SigV4 Authorization header.
type sigV4 struct {
	accessKey, date, region, service string
	signedHeaders                    []string
	signature                        string
}

func parseAuthorization(h string) (sigV4, error) {
	alg, rest, ok := strings.Cut(h, " ")
	if !ok || alg != "AWS4-HMAC-SHA256" {
		return sigV4{}, fmt.Errorf("not a SigV4 Authorization header: %q", shorten(h))
	}
	var s sigV4
	for _, part := range strings.Split(rest, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "Credential":
			f := strings.Split(v, "/")
			if len(f) != 5 || f[4] != "aws4_request" {
				return sigV4{}, fmt.Errorf("credential scope %q is not key/date/region/service/aws4_request", v)
			}
			s.accessKey, s.date, s.region, s.service = f[0], f[1], f[2], f[3]
		case "SignedHeaders":
			s.signedHeaders = strings.Split(v, ";")
		case "Signature":
			s.signature = v
		}
	}
	if s.accessKey == "" || s.signature == "" || len(s.signedHeaders) == 0 {
		return sigV4{}, fmt.Errorf("the Authorization header lacks Credential, SignedHeaders or Signature: %q", shorten(h))
	}
	return s, nil
}

// VerifySignature checks an arrived request's SigV4 signature against the
// secret, with the SDK's own signer: the request is rebuilt from the
// headers the client says it signed, signed again at the client's
// X-Amz-Date, and the two signatures compared.
func VerifySignature(a Arrival, secret, region string) error {
	auth, err := parseAuthorization(a.Header.Get("Authorization"))
	if err != nil {
		return err
	}
	if auth.region != region || auth.service != "sts" {
		return fmt.Errorf("signed for %s/%s, not %s/sts", auth.region, auth.service, region)
	}
	when, err := time.Parse("20060102T150405Z", a.Header.Get("X-Amz-Date"))
	if err != nil {
		return fmt.Errorf("X-Amz-Date %q: %v", a.Header.Get("X-Amz-Date"), err)
	}
	if !slices.Contains(auth.signedHeaders, "host") {
		return fmt.Errorf("host is not among the signed headers %v", auth.signedHeaders)
	}
	req, err := http.NewRequest(a.Method, "http://"+a.Host+a.Path+query(a.RawQuery), bytes.NewReader(a.Body))
	if err != nil {
		return err
	}
	req.Header = http.Header{}
	req.ContentLength = 0
	for _, h := range auth.signedHeaders {
		switch h {
		case "host":
		case "content-length":
			req.ContentLength = int64(len(a.Body))
		default:
			req.Header[http.CanonicalHeaderKey(h)] = a.Header.Values(h)
		}
	}
	sum := sha256.Sum256(a.Body)
	creds := aws.Credentials{AccessKeyID: auth.accessKey, SecretAccessKey: secret}
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), "sts", region, when); err != nil {
		return fmt.Errorf("re-signing: %v", err)
	}
	want, _ := parseAuthorization(req.Header.Get("Authorization"))
	switch {
	case !slices.Equal(want.signedHeaders, auth.signedHeaders):
		return fmt.Errorf("signed headers %v cannot be re-signed as sent (signer signs %v)", auth.signedHeaders, want.signedHeaders)
	case want.signature != auth.signature:
		return fmt.Errorf("signature %s… does not verify against the known secret (expected %s…)", auth.signature[:min(12, len(auth.signature))], want.signature[:12])
	}
	return nil
}

func query(raw string) string {
	if raw == "" {
		return ""
	}
	return "?" + raw
}

func shorten(s string) string {
	if len(s) > 120 {
		return s[:120] + "…"
	}
	return s
}
