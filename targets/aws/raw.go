package aws

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	sdkaws "github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// maxRawBody bounds the answer to a raw request.
const maxRawBody = 1 << 20

// SendRaw sends one awsQuery request as written, signed with the SDK's
// SigV4 signer, within the budget and the rate limit: POST with query as
// its form body, or GET with query as its query string. It is for the
// questions the SDK cannot ask (a DurationSeconds that is not an int32).
// The caller gets the status and body; neither is printed here.
func (t *Target) SendRaw(ctx context.Context, method, query string) (int, []byte, error) {
	if err := t.take(ctx); err != nil {
		return 0, nil, err
	}
	req, err := t.rawRequest(ctx, method, query)
	if err != nil {
		return 0, nil, err
	}
	resp, err := t.raw.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxRawBody+1))
	if err == nil && len(body) > maxRawBody {
		err = fmt.Errorf("HTTP %d with a body over %d bytes", resp.StatusCode, maxRawBody)
	}
	return resp.StatusCode, body, err
}

func (t *Target) rawRequest(ctx context.Context, method, query string) (*http.Request, error) {
	var body []byte
	url := strings.TrimSuffix(t.Endpoint(), "/") + "/"
	if method == http.MethodGet {
		url += "?" + query
	} else {
		body = []byte(query)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	if method != http.MethodGet {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	creds, err := t.creds.Retrieve(ctx)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(body)
	signed := sdkaws.Credentials{AccessKeyID: creds.AccessKeyID, SecretAccessKey: creds.SecretAccessKey, SessionToken: creds.SessionToken}
	if err := v4.NewSigner().SignHTTP(ctx, signed, req, hex.EncodeToString(sum[:]), "sts", t.Region(), time.Now()); err != nil {
		return nil, fmt.Errorf("signing: %w", err)
	}
	return req, nil
}
