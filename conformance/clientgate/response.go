package clientgate

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/stsconform/stsconform/conformance/clientgate/wire"
	"github.com/stsconform/stsconform/conformance/compare"
	"github.com/stsconform/stsconform/conformance/oracle"
	"github.com/stsconform/stsconform/targets/clients/driver"
)

// successAnswer is the plain answer input cases get: one the reference
// reads without any special case.
func successAnswer() Answer {
	body := `<GetSessionTokenResponse xmlns="` + wire.Namespace + `"><GetSessionTokenResult><Credentials>` +
		`<AccessKeyId>ASIASTSCONFORMPLAIN1</AccessKeyId><SecretAccessKey>plainSecretAccessKeyOfTheClientGate00000</SecretAccessKey>` +
		`<SessionToken>FQoGZXIvYXdzEPlainSessionTokenOfTheClientGate</SessionToken><Expiration>2026-12-03T12:00:00Z</Expiration>` +
		`</Credentials></GetSessionTokenResult><ResponseMetadata><RequestId>9d2e1c3a-0000-4000-8000-00000000c1e9</RequestId>` +
		`</ResponseMetadata></GetSessionTokenResponse>`
	return Answer{Status: 200, Header: http.Header{"X-Amzn-Requestid": {"9d2e1c3a-0000-4000-8000-00000000c1e9"}}, Body: []byte(body)}
}

// responses is wire.Responses, built once.
var responses = sync.OnceValue(wire.Responses)

// responseJob is generated response i.
func (r *runner) responseJob(i int) job {
	resp := responses().Example(int(r.opts.Seed) + i)
	return r.answerJob(resp.Label(), Answer{Status: resp.Status, Header: resp.Header, Body: resp.Body},
		r.opts.Replay(r.subject.Name, r.opts.Seed, fmt.Sprintf("-only-response=%d", i)), nil)
}

// vectorJob is a response vector.
func (r *runner) vectorJob(v wire.Vector) job {
	resp := v.Response()
	return r.answerJob("vector "+v.Name, Answer{Status: resp.Status, Header: resp.Header, Body: resp.Body},
		r.opts.Replay(r.subject.Name, r.opts.Seed, "-only-vector="+v.Name), nil)
}

// answerCase runs an answer alone and returns its observation.
func (r *runner) answerCase(ctx context.Context, label string, ans Answer, replay string) Observation {
	var o Observation
	r.pipeline(ctx, one(r.answerJob(label, ans, replay, &o)))
	return o
}

// answerJob has the client call with an empty input and get ans, and
// judges what it read (also into seen, when set).
func (r *runner) answerJob(label string, ans Answer, replay string, seen *Observation) job {
	return job{input: driver.Input{}, maxAttempts: 1, answers: []Answer{ans}, judge: func(out outcome) {
		base := Observation{Client: r.subject.Name, InputText: fmt.Sprintf("response %s: HTTP %d %s", label, ans.Status, quoteBody(ans.Body)),
			Size: len(ans.Body), Actual: replyText(out.reply, out.err), Replay: replay}
		o := judgeResponse(base, ans, out.reply)
		if out.err != nil {
			o = diverged(base, classOf(ans.Status), diff("answer", "a reply from the client", "no usable answer: "+out.err.Error()))
		}
		r.rec.add(o)
		if seen != nil {
			*seen = o
		}
	}}
}

func classOf(status int) string {
	if status >= 200 && status < 300 {
		return ClassSuccessParsing
	}
	return ClassErrorParsing
}

// judgeResponse compares the client's reading of an answer with the
// reference reading (package wire). A wrong value diverges; an error on a
// valid body diverges with the field marked "(refused)", a lesser grade;
// notes are reasons of an agreeing case.
func judgeResponse(base Observation, ans Answer, reply driver.Reply) Observation {
	want, _ := wire.Read(ans.Status, ans.Header, ans.Body)
	base.Class, base.Result = classOf(ans.Status), compare.Agree
	base.Expected = []string{expectedReading(want)}
	for _, f := range wire.Compare(want, reply) {
		switch f.Grade {
		case wire.Divergence:
			base.Diffs = append(base.Diffs, compare.Diff{Field: "response " + f.Field + " " + f.Kind, Expected: f.Want,
				Actual: f.Got + detail(f), Status: oracle.Confirmed})
		case wire.Refusal:
			base.Diffs = append(base.Diffs, compare.Diff{Field: lesserPrefix + " " + f.Field, Expected: f.Want,
				Actual: f.Got + detail(f), Status: oracle.Confirmed})
		default:
			base.Reasons = append(base.Reasons, "note: "+f.String())
			if f.Kind != wire.FindNotJudged {
				base.Latitude = append(base.Latitude, latitude{key: f.Field + " " + f.Kind, example: latitudeExample(f)})
			}
		}
	}
	if len(base.Diffs) > 0 {
		base.Result = compare.Diverge
	}
	return base
}

func detail(f wire.Finding) string {
	if f.Detail == "" {
		return ""
	}
	return " (" + f.Detail + ")"
}

func expectedReading(w wire.Expected) string {
	var b strings.Builder
	fmt.Fprintf(&b, "what an XML 1.0 parser reads: %s", w.Kind)
	if w.Reason != "" {
		b.WriteString(" (" + w.Reason + ")")
	}
	if c := w.Credentials; c != nil {
		if c.AccessKeyID != nil {
			fmt.Fprintf(&b, " AccessKeyId %q", *c.AccessKeyID)
		}
		if c.SessionToken != nil {
			b.WriteString(" SessionToken " + wire.Shape(*c.SessionToken))
		}
	}
	if e := w.Error; e != nil {
		for _, kv := range []struct {
			k string
			v *string
		}{{"Type", e.Type}, {"Code", e.Code}, {"Message", e.Message}} {
			if kv.v != nil {
				fmt.Fprintf(&b, " %s %q", kv.k, *kv.v)
			}
		}
	}
	for _, id := range w.RequestIDs() {
		fmt.Fprintf(&b, " requestId %q", id)
	}
	return b.String()
}

// latitudeExample shows a note's finding in a few words: what the body
// says and what the client made of it.
func latitudeExample(f wire.Finding) string {
	ex := f.Want + " → " + f.Got
	if f.Detail != "" {
		ex += " (" + f.Detail + ")"
	}
	return ex
}
