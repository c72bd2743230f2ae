package clientgate

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// signed builds an arrival signed by the SDK's signer with the given secret.
func signed(t *testing.T, body, signWith string) Arrival {
	t.Helper()
	req, err := http.NewRequest("POST", "http://127.0.0.1:4566/", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
	sum := sha256.Sum256([]byte(body))
	creds := aws.Credentials{AccessKeyID: "AKIASTSCONFORM000001", SecretAccessKey: signWith}
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), "sts", region, time.Now()); err != nil {
		t.Fatal(err)
	}
	return Arrival{Method: req.Method, Path: "/", Host: req.URL.Host, Header: req.Header, Body: []byte(body)}
}

func TestVerifySignature(t *testing.T) {
	body := "Action=GetSessionToken&Version=2011-06-15&TokenCode=123456"
	if err := VerifySignature(signed(t, body, secret), secret, region); err != nil {
		t.Fatalf("a request signed with the known secret is refused: %v", err)
	}
	for name, a := range map[string]Arrival{
		"wrong secret": signed(t, body, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
		"body changed": func() Arrival { a := signed(t, body, secret); a.Body = []byte(body + "0"); return a }(),
		"host changed": func() Arrival { a := signed(t, body, secret); a.Host = "127.0.0.1:1"; return a }(),
		"no signature": func() Arrival { a := signed(t, body, secret); a.Header.Del("Authorization"); return a }(),
		"other region": func() Arrival {
			a := signed(t, body, secret)
			a.Header.Set("Authorization", strings.Replace(a.Header.Get("Authorization"), region, "eu-west-1", 1))
			return a
		}(),
		"date changed":    func() Arrival { a := signed(t, body, secret); a.Header.Set("X-Amz-Date", "20200101T000000Z"); return a }(),
		"header unsigned": func() Arrival { a := signed(t, body, secret); a.Header.Set("Content-Type", "text/plain"); return a }(),
	} {
		if err := VerifySignature(a, secret, region); err == nil {
			t.Errorf("%s: verified, want refused", name)
		} else {
			t.Logf("%s: %v", name, err)
		}
	}
}
