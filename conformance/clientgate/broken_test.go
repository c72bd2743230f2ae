package clientgate_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/stsconform/stsconform/conformance/baseline"
	"github.com/stsconform/stsconform/conformance/clientgate"
	"github.com/stsconform/stsconform/conformance/report"
	"github.com/stsconform/stsconform/targets/clients/goclient"
)

// Deliberately broken go-v2 clients, each a middleware or an option on the
// real client, as a fork's regression would be.

func dropTokenCode(o *sts.Options) {
	o.APIOptions = append(o.APIOptions, func(s *middleware.Stack) error {
		return s.Initialize.Add(middleware.InitializeMiddlewareFunc("dropTokenCode",
			func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
				if p, ok := in.Parameters.(*sts.GetSessionTokenInput); ok {
					c := *p
					c.TokenCode = nil
					in.Parameters = &c
				}
				return next.HandleInitialize(ctx, in)
			}), middleware.Before)
	})
}

// rewriteBody changes the form body after serialisation, before signing.
func rewriteBody(name string, f func([]byte) []byte) func(*sts.Options) {
	return func(o *sts.Options) {
		o.APIOptions = append(o.APIOptions, func(s *middleware.Stack) error {
			return s.Build.Add(middleware.BuildMiddlewareFunc(name,
				func(ctx context.Context, in middleware.BuildInput, next middleware.BuildHandler) (middleware.BuildOutput, middleware.Metadata, error) {
					if req, ok := in.Request.(*smithyhttp.Request); ok && req.GetStream() != nil {
						body, err := io.ReadAll(req.GetStream())
						if err != nil {
							return middleware.BuildOutput{}, middleware.Metadata{}, err
						}
						body = f(body)
						if req, err = req.SetStream(bytes.NewReader(body)); err != nil {
							return middleware.BuildOutput{}, middleware.Metadata{}, err
						}
						req.ContentLength = int64(len(body))
						in.Request = req
					}
					return next.HandleBuild(ctx, in)
				}), middleware.Before)
		})
	}
}

var durationMember = regexp.MustCompile(`DurationSeconds=[^&]*`)

func sendDurationTwice(body []byte) []byte {
	if m := durationMember.Find(body); m != nil {
		return append(append(body, '&'), m...)
	}
	return body
}

func wrongSecret(o *sts.Options) {
	o.Credentials = credentials.NewStaticCredentialsProvider("AKIASTSCONFORM000000", "not-the-secret-the-server-knows-000000000", "")
}

// misparseExpiration shifts the parsed Expiration by an hour.
func misparseExpiration(o *sts.Options) {
	o.APIOptions = append(o.APIOptions, func(s *middleware.Stack) error {
		return s.Deserialize.Add(middleware.DeserializeMiddlewareFunc("misparseExpiration",
			func(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (middleware.DeserializeOutput, middleware.Metadata, error) {
				out, md, err := next.HandleDeserialize(ctx, in)
				if res, ok := out.Result.(*sts.GetSessionTokenOutput); ok && res.Credentials != nil && res.Credentials.Expiration != nil {
					res.Credentials.Expiration = aws.Time(res.Credentials.Expiration.Add(time.Hour))
				}
				return out, md, err
			}), middleware.Before)
	})
}

func retryEverything(o *sts.Options) {
	o.Retryer = retry.NewStandard(func(so *retry.StandardOptions) {
		so.Retryables = append(so.Retryables, retry.IsErrorRetryableFunc(func(error) aws.Ternary { return aws.TrueTernary }))
	})
}

// TestGateCatchesBrokenClients runs the gate against go-v2 broken on
// purpose and requires each break to be reported in its property class
// with a field the pinned client's baseline does not have.
func TestGateCatchesBrokenClients(t *testing.T) {
	pinned := pinnedFields(t, "go-v2")
	for _, tc := range []struct {
		name, class, field string
		option             func(*sts.Options)
		retries            bool
	}{
		{"drops-TokenCode", clientgate.ClassEncoding, "request member TokenCode", dropTokenCode, false},
		{"double-encodes-plus", clientgate.ClassEncoding, "request member SerialNumber", rewriteBody("plus", func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("%2B"), []byte("%252B")) }), false},
		{"sends-DurationSeconds-twice", clientgate.ClassEncoding, "request member DurationSeconds repeated", rewriteBody("twice", sendDurationTwice), false},
		{"wrong-secret", clientgate.ClassSigning, "signature", wrongSecret, false},
		{"misparses-Expiration", clientgate.ClassSuccessParsing, "response Credentials.Expiration instant", misparseExpiration, false},
		{"retries-a-400", clientgate.ClassRetries, "retries default policy, 400 ValidationError", retryEverything, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := goclient.NewV2(tc.option).Named("go-v2-" + tc.name)
			t.Cleanup(func() { _ = c.Close() })
			subject := clientgate.Subject{Name: "go-v2-" + tc.name, Client: c, DefaultAttempts: retry.DefaultMaxAttempts}
			rep, err := clientgate.Run(context.Background(), []clientgate.Subject{subject},
				clientgate.Options{Seed: 1, Cases: 120, Responses: 20, Retries: tc.retries, Replay: func(string, uint64, string) string {
					return "go test ./conformance/clientgate -count=1 -run 'TestGateCatchesBrokenClients/" + tc.name + "$' -v"
				}})
			if err != nil {
				t.Fatal(err)
			}
			ex, ok := divergence(rep, tc.class, tc.field)
			if !ok {
				t.Fatalf("break not reported: no %s divergence with field %q; divergences:\n%s", tc.class, tc.field, messages(rep))
			}
			if slices.Contains(pinned[tc.class], tc.field) {
				t.Fatalf("field %q is in the pinned go-v2 baseline: the gate would not see this break", tc.field)
			}
			msg := clientgate.Message(ex)
			for _, want := range []string{"diverges on " + tc.class, "expected:", "actual:", "replay:"} {
				if !strings.Contains(msg, want) {
					t.Errorf("message lacks %q:\n%s", want, msg)
				}
			}
			t.Logf("caught:\n%s", msg)
		})
	}
}

func divergence(rep report.Report, class, field string) (report.Example, bool) {
	for _, row := range rep.Matrix {
		for _, cell := range row.Cells {
			if row.Class == class && slices.Contains(cell.DivergentFields, field) {
				for _, ex := range rep.Divergences {
					if ex.Class == class {
						for _, d := range ex.Diffs {
							if d.Field == field {
								return ex, true
							}
						}
					}
				}
				return *cell.Example, true
			}
		}
	}
	return report.Example{}, false
}

func messages(rep report.Report) string {
	var b strings.Builder
	for _, ex := range rep.Divergences {
		fmt.Fprintln(&b, clientgate.Message(ex))
	}
	return b.String()
}

// pinnedFields are the divergent fields a client's baseline lists, by class.
func pinnedFields(t *testing.T, client string) map[string][]string {
	f, err := baseline.Load(root(t)+"/"+clientgate.BaselineDir, client)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	if f != nil {
		for _, e := range f.Divergences {
			out[e.Class] = append(out[e.Class], e.DivergentFields...)
		}
	}
	return out
}
