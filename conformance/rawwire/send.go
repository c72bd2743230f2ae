package rawwire

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"github.com/stsconform/stsconform/internal/dummykeys"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// Endpoint is an HTTP target and the credentials its requests are signed
// with. The secret is never printed: replays read $AWS_SECRET_ACCESS_KEY.
type Endpoint struct {
	Name            string `json:"name"`
	URL             string `json:"url"`
	AccessKeyID     string `json:"accessKeyId"`
	SecretAccessKey string `json:"-"`
	Region          string `json:"region"` // default us-east-1
}

// Dummy credentials (AWS's documented example) that emulators accept.
const (
	DummyAccessKeyID     = dummykeys.AccessKeyID
	DummySecretAccessKey = dummykeys.SecretAccessKey
)

func (e Endpoint) region() string {
	if e.Region == "" {
		return "us-east-1"
	}
	return e.Region
}

// response is what one request got: a status and (bounded) body, or the
// transport error that stood in for them.
type response struct {
	Status      int
	ContentType string
	Body        []byte
	Err         error
	Elapsed     time.Duration
}

// sender makes exactly one attempt per request, on a fresh connection,
// never follows redirects, bounds each request by a timeout and reads at
// most maxBody+1 bytes of the answer.
type sender struct {
	client  *http.Client
	timeout time.Duration
	maxBody int64
}

func newSender(timeout time.Duration, maxBody int64) *sender {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DisableKeepAlives = true  // one connection per request: no silent retry on a reused one
	tr.DisableCompression = true // the body as the server wrote it
	client := &http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
	return &sender{client: client, timeout: timeout, maxBody: maxBody}
}

func (s *sender) close() { s.client.CloseIdleConnections() }

func (s *sender) send(ctx context.Context, ep Endpoint, r Request) response {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	start := time.Now()
	req, err := build(ctx, ep, r)
	if err != nil {
		return response{Err: err}
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return response{Err: err, Elapsed: time.Since(start)}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, s.maxBody+1))
	out := response{Status: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"), Body: body, Elapsed: time.Since(start)}
	switch {
	case err != nil:
		out.Err = fmt.Errorf("HTTP %d, reading the body: %w", resp.StatusCode, err)
	case int64(len(body)) > s.maxBody:
		out.Err = fmt.Errorf("HTTP %d with a body over %d bytes", resp.StatusCode, s.maxBody)
	}
	return out
}

// build makes the signed HTTP request. The signer rewrites the query string
// into its canonical form; the raw one is put back, so that what is sent is
// exactly the generated text (a server that verifies signatures may then
// refuse an odd query with a 4xx, which is a sound answer).
func build(ctx context.Context, ep Endpoint, r Request) (*http.Request, error) {
	body := r.Body()
	req, err := http.NewRequestWithContext(ctx, r.Method, strings.TrimSuffix(ep.URL, "/")+"/", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	if len(body) == 0 {
		req.Body, req.GetBody, req.ContentLength = http.NoBody, nil, 0
	}
	req.URL.RawQuery = r.Query()
	if r.ContentType != "" {
		req.Header.Set("Content-Type", r.ContentType)
	}
	sum := sha256.Sum256(body)
	creds := aws.Credentials{AccessKeyID: ep.AccessKeyID, SecretAccessKey: ep.SecretAccessKey}
	if err := v4.NewSigner().SignHTTP(ctx, creds, req, hex.EncodeToString(sum[:]), "sts", ep.region(), time.Now()); err != nil {
		return nil, fmt.Errorf("signing: %w", err)
	}
	req.URL.RawQuery = r.Query()
	return req, nil
}
