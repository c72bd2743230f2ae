package clientgate

import (
	"context"
	"fmt"
	"net/http"

	"github.com/stsconform/stsconform/conformance/compare"
	"github.com/stsconform/stsconform/targets/clients/driver"
)

// retryScenario is one scripted retry case.
type retryScenario struct {
	name        string
	maxAttempts int // 0: the client's default policy
	answers     []Answer
	want        int // requests that must arrive
	wantPhase   string
}

func errorAnswer(status int, typ, code string) Answer {
	body := fmt.Sprintf(`<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>%s</Type><Code>%s</Code>`+
		`<Message>scripted %s</Message></Error><RequestId>0e7c0c1a-0000-4000-8000-000000000%03d</RequestId></ErrorResponse>`, typ, code, code, status)
	return Answer{Status: status, Header: http.Header{"X-Amzn-Requestid": {fmt.Sprintf("0e7c0c1a-0000-4000-8000-000000000%03d", status)}}, Body: []byte(body)}
}

// retryScenarios are the retry cases for a client documenting
// defaultAttempts attempts: 5xx and throttling retried that often, 4xx
// never, and with maxAttempts 1 exactly one request.
func retryScenarios(defaultAttempts int) []retryScenario {
	internal, throttle := errorAnswer(500, "Receiver", "InternalFailure"), errorAnswer(400, "Sender", "Throttling")
	unavailable := errorAnswer(503, "Receiver", "ServiceUnavailable")
	return []retryScenario{
		{"default policy, 500 InternalFailure every time", 0, []Answer{internal}, defaultAttempts, driver.PhaseError},
		{"default policy, 400 Throttling every time", 0, []Answer{throttle}, defaultAttempts, driver.PhaseError},
		{"default policy, 503 then success", 0, []Answer{unavailable, successAnswer()}, min(2, defaultAttempts), thenSuccess(defaultAttempts)},
		{"default policy, 400 ValidationError", 0, []Answer{errorAnswer(400, "Sender", "ValidationError")}, 1, driver.PhaseError},
		{"default policy, 403 AccessDenied", 0, []Answer{errorAnswer(403, "Sender", "AccessDenied")}, 1, driver.PhaseError},
		{"maxAttempts 1, 500 InternalFailure", 1, []Answer{internal}, 1, driver.PhaseError},
		{"maxAttempts 1, 400 Throttling", 1, []Answer{throttle}, 1, driver.PhaseError},
	}
}

// thenSuccess is the phase a retry after one 503 ends in: the success, if
// the client retries at all.
func thenSuccess(defaultAttempts int) string {
	if defaultAttempts >= 2 {
		return ""
	}
	return driver.PhaseError
}

func (r *runner) retryCase(ctx context.Context, sc retryScenario) {
	reply, arrivals, err := r.call(ctx, driver.Input{}, sc.maxAttempts, sc.answers...)
	o := Observation{Client: r.subject.Name, Class: ClassRetries, InputText: "retries: " + sc.name, Size: len(sc.name),
		Actual: fmt.Sprintf("%d request(s); %s", len(arrivals), replyText(reply, err)), Result: compare.Agree,
		Expected: []string{fmt.Sprintf("%d request(s) (client documents %d attempts by default)", sc.want, r.subject.DefaultAttempts)},
		Replay:   r.opts.Replay(r.subject.Name, r.opts.Seed, "-cases=0 -responses=0")}
	switch {
	case err != nil:
		o = diverged(o, ClassRetries, diff("answer", "a reply from the client", "no usable answer: "+err.Error()))
	case len(arrivals) != sc.want:
		o = diverged(o, ClassRetries, diff("retries "+sc.name, fmt.Sprintf("%d request(s)", sc.want), fmt.Sprintf("%d request(s)", len(arrivals))))
	case sc.wantPhase == "" && reply.Phase != driver.PhaseParsed:
		o = diverged(o, ClassRetries, diff("retries "+sc.name+" result", "the success of the last attempt", reply.String()))
	}
	r.rec.add(o)
}
