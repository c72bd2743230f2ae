package generators

import (
	"iter"
	"slices"
	"time"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/oracle"
	"github.com/stsconform/stsconform/conformance/totp"
	"github.com/stsconform/stsconform/model"
)

// Coverage is the deterministic phase that runs before rapid's random one:
// every boundary and edge the contract op implies, in this order:
//
//   - each member alone, the others absent: for integers min−1, min, min+1,
//     max−1, max, max+1, 0, −1 and the int32 limits; for strings the edges
//     of stringEdges (empty, the length edges, punctuation alone and in
//     context, the nearest characters outside the pattern, whitespace,
//     control and non-ASCII characters, digit strings);
//   - pairs: one violation of each constraint of one member with one of
//     another member;
//   - each caller kind with no member, and with DurationSeconds at its
//     edges, the defaults and the root cap (and their neighbours);
//   - MFA: the device with its current code (computed when the case is
//     reached), the same code again (AWS refuses a reused code), a wrong
//     code, no code; a code without a serial; a serial of no device with
//     the current code.
//
// Single-member and pair cases are sent as call.User when opts.Callers
// has it (else the first caller). Labels are those of Cases, so both phases
// fill the same matrix rows. A change of op changes the list.
func Coverage(op model.Operation, opts Options) iter.Seq[Case] {
	if opts.Clock == nil {
		opts.Clock = time.Now
	}
	callers := opts.Callers
	if len(callers) == 0 {
		callers = defaultCallers()
	}
	lead := callers[0]
	if slices.Contains(callers, call.User) {
		lead = call.User
	}
	p := plan{op: op, clock: opts.Clock}
	var cases []func() Case
	for _, m := range op.Members {
		for _, e := range edgesOf(m) {
			cases = append(cases, p.fixed(lead, map[string]edge{m.Name: e}))
		}
	}
	cases = append(cases, p.pairs(lead)...)
	for _, k := range callers {
		cases = append(cases, p.callerCases(k)...)
	}
	for _, k := range callers {
		if k != call.Session {
			cases = append(cases, p.mfaCases(k)...)
		}
	}
	return func(yield func(Case) bool) {
		for _, c := range cases {
			if !yield(c()) {
				return
			}
		}
	}
}

// plan builds the cases of one contract.
type plan struct {
	op    model.Operation
	clock func() time.Time
}

func edgesOf(m model.Member) []edge {
	if m.Kind == model.Integer {
		return integerEdges(m)
	}
	return stringEdges(m)
}

// fixed is a case with the given members set and the others absent.
func (p plan) fixed(k call.CallerKind, set map[string]edge) func() Case {
	c := Case{Caller: k}
	for _, m := range p.op.Members {
		e, ok := set[m.Name]
		if !ok {
			c.Labels = append(c.Labels, Label(m.Name, Absent))
			continue
		}
		if e.integer != nil {
			*int32Field(m.Name)(&c.Input) = e.integer
		} else {
			*stringField(m.Name)(&c.Input) = e.text
		}
		c.Labels = append(c.Labels, Label(m.Name, e.flavour))
	}
	c.Labels = append(c.Labels, callerLabel(k))
	return func() Case { return c }
}

// violations are one edge per constraint a member can break: below the
// minimum, above the maximum, outside the pattern.
func violations(m model.Member) []edge {
	b := boundsOf(m)
	var out []edge
	pick := func(f Flavour, ok func(edge) bool) {
		for _, e := range edgesOf(m) {
			if e.flavour == f && ok(e) {
				out = append(out, e)
				return
			}
		}
	}
	any := func(edge) bool { return true }
	if b.belowMin() {
		pick(Boundary, func(e edge) bool { return measure(e) < b.lo })
	}
	if b.aboveMax() {
		pick(Boundary, func(e edge) bool { return measure(e) > b.hi })
	}
	pick(InvalidPattern, any)
	return out
}

// measure is an edge's value, or its length in characters.
func measure(e edge) int64 {
	if e.integer != nil {
		return int64(*e.integer)
	}
	return int64(len([]rune(*e.text)))
}

// pairs combines each violation of one member with each of another.
func (p plan) pairs(k call.CallerKind) []func() Case {
	var out []func() Case
	ms := p.op.Members
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			for _, a := range violations(ms[i]) {
				for _, b := range violations(ms[j]) {
					out = append(out, p.fixed(k, map[string]edge{ms[i].Name: a, ms[j].Name: b}))
				}
			}
		}
	}
	return out
}

// durationName is the member whose absence and value the caller's default
// duration and the root cap are about (sts-facts §4.1).
const durationName = "DurationSeconds"

// callerCases are the caller with no member, then with DurationSeconds at
// its edges and at the documented defaults and root cap, each ±1 second.
func (p plan) callerCases(k call.CallerKind) []func() Case {
	out := []func() Case{p.fixed(k, nil)}
	m, ok := p.op.Member(durationName)
	if !ok || m.Kind != model.Integer {
		return out
	}
	b := boundsOf(m)
	var es []edge
	if k != call.User { // the user's edges ran with the single-member cases
		es = integerEdges(m)
	}
	for _, d := range []time.Duration{oracle.RootDuration, oracle.DefaultUserDuration} {
		for _, v := range []int64{int64(d.Seconds()) - 1, int64(d.Seconds()), int64(d.Seconds()) + 1} {
			n := int32(v)
			es = append(es, edge{integer: &n, flavour: integerFlavour(b, v)})
		}
	}
	for _, e := range es {
		out = append(out, p.fixed(k, map[string]edge{durationName: e}))
	}
	return out
}

// mfaCases use call.DefaultDevice, the device the Device and TOTP
// flavours use. A current code is computed when its case is reached.
func (p plan) mfaCases(k call.CallerKind) []func() Case {
	if _, ok := p.op.Member(SerialNumberName); !ok {
		return nil
	}
	if _, ok := p.op.Member(TokenCodeName); !ok {
		return nil
	}
	d := call.DefaultDevice
	var last string // the current code, as the valid case sent it
	current := func() string { last = totp.Code(d.Secret, p.clock()); return last }
	again := func() string { return last }
	wrong := func() string { return WrongCode(d, p.clock()) }
	mfa := func(serial *string, sf Flavour, code func() string, cf Flavour) func() Case {
		return func() Case {
			set := map[string]edge{}
			if serial != nil {
				set[SerialNumberName] = edge{text: serial, flavour: sf}
			}
			if code != nil {
				c := code()
				set[TokenCodeName] = edge{text: &c, flavour: cf}
			}
			return p.fixed(k, set)()
		}
	}
	serial, other := d.Serial, d.Serial+"0"
	return []func() Case{
		mfa(&serial, Device, current, TOTP),
		mfa(&serial, Device, again, TOTP), // reused: refused
		mfa(&serial, Device, wrong, Valid),
		mfa(&serial, Device, nil, Absent),
		mfa(nil, Absent, current, TOTP),
		mfa(&other, Valid, current, TOTP),
	}
}

// WrongCode is six digits that are not a valid code of d at t (nor one
// step either side).
func WrongCode(d call.Device, t time.Time) string {
	for _, c := range []string{"000000", "111111", "222222", "333333"} {
		if !totp.Valid(d.Secret, c, t) {
			return c
		}
	}
	return "444444"
}
