package clientgate

import (
	"context"
	"fmt"
	"strings"

	"github.com/stsconform/stsconform/conformance/compare"
	"github.com/stsconform/stsconform/targets/clients/driver"
)

// inputJob is generated input i: validation, encoding and signing, and
// the reading of a plain success answer.
func (r *runner) inputJob(i int) job {
	return r.clientInput(cases().Example(int(r.opts.Seed)+i), r.opts.Replay(r.subject.Name, r.opts.Seed, fmt.Sprintf("-only=%d", i)))
}

// runInput runs one client input alone.
func (r *runner) runInput(ctx context.Context, c Case, replay string) {
	r.pipeline(ctx, one(r.clientInput(c, replay)))
}

// clientInput is the job of one client input.
func (r *runner) clientInput(c Case, replay string) job {
	ok := successAnswer()
	return job{input: c.Input, maxAttempts: 1, answers: []Answer{ok}, judge: func(o outcome) { r.judgeInput(c, replay, ok, o) }}
}

// judgeInput judges what came of a client input.
func (r *runner) judgeInput(c Case, replay string, ok Answer, o outcome) {
	reply, arrivals, err := o.reply, o.arrivals, o.err
	base := Observation{Client: r.subject.Name, InputText: Text(c.Input) + " [" + strings.Join(c.Labels, " ") + "]",
		Size: size(c.Input), Actual: replyText(reply, err), Replay: replay}
	if err != nil {
		r.rec.add(diverged(base, ClassEncoding, diff("answer", "a reply from the client", "no usable answer: "+err.Error())))
		return
	}
	j := Judge(r.oracle, c.Input)
	switch reply.Phase {
	case driver.PhaseInexpressible:
		r.inexpressible(base, arrivals)
	case driver.PhaseDriverError:
		r.rec.add(diverged(base, ClassEncoding, diff("driver-error", "a reply to a well-formed request line", reply.Detail)))
	default:
		refused := reply.Phase == driver.PhaseRejected || reply.Phase == driver.PhaseError && len(arrivals) == 0
		r.rec.add(r.validation(base, j, refused, len(arrivals)))
		if refused {
			return
		}
		if j.Acceptance != Accepts {
			r.rec.letThrough(r.subject.Name, j.Broken, Text(c.Input))
		}
		r.sent(base, c.Input, arrivals)
		r.rec.add(judgeResponse(base, ok, reply))
	}
}

func (r *runner) inexpressible(base Observation, arrivals []Arrival) {
	if len(arrivals) > 0 {
		r.rec.add(diverged(base, ClassEncoding, diff("request sent although inexpressible", "no request", fmt.Sprintf("%d request(s)", len(arrivals)))))
		return
	}
	base.NotExpressible, base.Result = true, compare.Agree
	base.Expected = []string{"the client's types cannot hold the input: nothing sent"}
	for _, class := range []string{ClassValidation, ClassEncoding} {
		o := base
		o.Class = class
		r.rec.add(o)
	}
}

// validation judges what the client refused before sending.
func (r *runner) validation(base Observation, j Judgement, refused bool, arrivals int) Observation {
	base.Class = ClassValidation
	aws := map[Acceptance]string{Accepts: "AWS accepts the input", Refuses: "AWS refuses it (" + strings.Join(j.Broken, ", ") + ")",
		Unknown: "AWS may refuse it (" + strings.Join(j.Broken, ", ") + ", unverified)"}[j.Acceptance]
	base.Expected = []string{aws + ": the client may send it; it may refuse it only if AWS refuses it"}
	switch {
	case refused && arrivals > 0:
		return diverged(base, ClassValidation, diff("validation refused yet sent", "no request after a refusal", fmt.Sprintf("%d request(s)", arrivals)))
	case refused && j.Acceptance == Accepts:
		return diverged(base, ClassValidation, diff("validation refuses valid input", "sent (AWS accepts it)", "refused before sending"))
	case refused && j.Acceptance == Unknown:
		base.Result = compare.Unverified
		base.Facts = j.Facts
		for _, f := range j.Facts {
			base.Reasons = append(base.Reasons, f.ID+" ["+string(f.Status)+"] "+f.Source)
		}
		return base
	}
	base.Result = compare.Agree
	return base
}

// sent judges the request(s) that arrived for a sent case.
func (r *runner) sent(base Observation, in driver.Input, arrivals []Arrival) {
	base.Expected = []string{"exactly one POST / application/x-www-form-urlencoded, Action=GetSessionToken, Version, each set member once, byte-exact"}
	if len(arrivals) != 1 {
		r.rec.add(diverged(base, ClassEncoding, diff("request count", "exactly one request (maxAttempts 1)", fmt.Sprintf("%d requests", len(arrivals)))))
		return
	}
	a := arrivals[0]
	base.Actual = quoteBody(a.Body) + " | " + base.Actual
	enc := base
	enc.Class, enc.Result = ClassEncoding, compare.Agree
	if d := CheckRequest(in, a); len(d) > 0 {
		enc = diverged(base, ClassEncoding, d...)
	}
	r.rec.add(enc)
	sig := base
	sig.Class, sig.Result = ClassSigning, compare.Agree
	sig.Expected = []string{"a SigV4 signature (sts, " + region + ") that verifies against the known secret"}
	if d := CheckSignature(a, secret, region); len(d) > 0 {
		sig = diverged(base, ClassSigning, d...)
		sig.Expected = []string{"a SigV4 signature (sts, " + region + ") that verifies against the known secret"}
	}
	r.rec.add(sig)
}

func diverged(o Observation, class string, diffs ...compare.Diff) Observation {
	o.Class, o.Result, o.Diffs = class, compare.Diverge, diffs
	return o
}

func replyText(r driver.Reply, err error) string {
	if err != nil {
		return "no usable answer: " + err.Error()
	}
	return r.String()
}

func size(in driver.Input) int {
	n := 0
	for _, v := range in {
		n += len(v) + 1
	}
	return n
}
