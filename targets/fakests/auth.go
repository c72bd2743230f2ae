package fakests

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"github.com/stsconform/stsconform/call"
)

// Messages of AWS's authentication errors.
const (
	msgInvalidToken  = "The security token included in the request is invalid."
	msgExpiredToken  = "The security token included in the request is expired"
	msgBadSignature  = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
	amzDateLayout    = "20060102T150405Z"
	authorizationAlg = "AWS4-HMAC-SHA256 "
)

// authError is a refusal of the request's credentials.
type authError struct {
	status        int
	code, message string
}

func (e *authError) write(w http.ResponseWriter) { writeError(w, e.status, e.code, e.message) }

// sigV4 is a parsed Authorization header.
type sigV4 struct {
	keyID, region, service string
	signedHeaders          []string
	signature              string
}

func parseAuthorization(h string) (sigV4, bool) {
	rest, ok := strings.CutPrefix(h, authorizationAlg)
	if !ok {
		return sigV4{}, false
	}
	var a sigV4
	for _, part := range strings.Split(rest, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "Credential":
			scope := strings.Split(v, "/")
			if len(scope) != 5 {
				return sigV4{}, false
			}
			a.keyID, a.region, a.service = scope[0], scope[2], scope[3]
		case "SignedHeaders":
			a.signedHeaders = strings.Split(v, ";")
		case "Signature":
			a.signature = v
		}
	}
	return a, a.keyID != "" && a.signature != ""
}

// authenticate checks the request's SigV4 signature against the secret of
// its access key id. A request without an Authorization header is left to
// the library (which answers MissingAuthenticationToken); known is false
// then.
func (s *Server) authenticate(r *http.Request, body []byte) (c Credentials, known bool, _ *authError) {
	header := r.Header.Get("Authorization")
	if header == "" {
		return Credentials{}, false, nil
	}
	a, ok := parseAuthorization(header)
	if !ok {
		return c, false, &authError{http.StatusBadRequest, "IncompleteSignature", "Authorization header requires Credential, SignedHeaders and Signature."}
	}
	c, ok = s.creds[a.keyID]
	switch {
	case !ok:
		return c, false, &authError{http.StatusForbidden, "InvalidClientTokenId", msgInvalidToken}
	case c.Kind == call.Session && r.Header.Get("X-Amz-Security-Token") != c.SessionToken:
		return c, false, &authError{http.StatusForbidden, "InvalidClientTokenId", msgInvalidToken}
	case c.Kind == call.Session && s.expired.Load():
		return c, false, &authError{http.StatusBadRequest, "ExpiredToken", msgExpiredToken}
	case !signatureMatches(r, body, c, a):
		return c, false, &authError{http.StatusForbidden, "SignatureDoesNotMatch", msgBadSignature}
	}
	return c, true, nil
}

// signatureMatches signs a copy of the request (its signed headers only)
// with the SDK's signer and the known secret, and compares signatures.
func signatureMatches(r *http.Request, body []byte, c Credentials, a sigV4) bool {
	at, err := time.Parse(amzDateLayout, r.Header.Get("X-Amz-Date"))
	if err != nil || a.service != "sts" {
		return false
	}
	req, err := http.NewRequest(r.Method, "http://"+r.Host+r.URL.RequestURI(), bytes.NewReader(body))
	if err != nil {
		return false
	}
	for _, name := range a.signedHeaders {
		if name != "host" {
			req.Header[http.CanonicalHeaderKey(name)] = r.Header.Values(name)
		}
	}
	req.ContentLength = r.ContentLength
	sum := sha256.Sum256(body)
	creds := aws.Credentials{AccessKeyID: c.AccessKeyID, SecretAccessKey: c.SecretAccessKey, SessionToken: c.SessionToken}
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), "sts", a.region, at); err != nil {
		return false
	}
	want, ok := parseAuthorization(req.Header.Get("Authorization"))
	return ok && hmac.Equal([]byte(want.signature), []byte(a.signature))
}
