package record

import (
	"iter"
	"time"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/conformance/totp"
	"github.com/stsconform/stsconform/generators"
	"github.com/stsconform/stsconform/model"
)

// Coverage is the case plan of a budgeted run (the aws target): every class
// of generators.Classes once, for the caller. It has one case with every
// member absent, then one case per (member, flavour), that member alone
// drawn in that flavour (deterministically, rapid's example of seed 0) and
// the others absent, so each answer is attributable to one class. The MFA
// flavours are replaced, when the caller has a known device, by three cases
// that use it: its current code (computed when the case is reached), a
// wrong code, a serial of no device. With 4 members of 5 to 6 flavours
// that is 26 cases; with GetCallerIdentity, 27 calls of a budget of 50, the
// rest left for Throttling retries.
func Coverage(caller call.Caller, clock func() time.Time) iter.Seq[generators.Case] {
	if clock == nil {
		clock = time.Now
	}
	members := model.GetSessionToken().Members
	return func(yield func(generators.Case) bool) {
		if !yield(single(members, caller.Kind, "", generators.Absent, func(*call.Input) {})) {
			return
		}
		for _, m := range members {
			for _, f := range generators.Flavours(m.Name) {
				if f == generators.Absent || f == generators.Device || f == generators.TOTP {
					continue
				}
				if !yield(single(members, caller.Kind, m.Name, f, drawer(m, f, clock))) {
					return
				}
			}
		}
		if caller.DevicesKnown && len(caller.Devices) > 0 {
			for _, c := range mfaCases(members, caller, clock) {
				if !yield(c()) {
					return
				}
			}
		}
	}
}

// single is a case with member drawn in flavour f by set, the others absent.
func single(members []model.Member, kind call.CallerKind, member string, f generators.Flavour, set func(*call.Input)) generators.Case {
	c := generators.Case{Caller: kind}
	set(&c.Input)
	for _, m := range members {
		flavour := generators.Absent
		if m.Name == member {
			flavour = f
		}
		c.Labels = append(c.Labels, generators.Label(m.Name, flavour))
	}
	c.Labels = append(c.Labels, generators.CallerLabelPrefix+string(kind))
	return c
}

// drawer sets member m of an input to rapid's example of flavour f.
func drawer(m model.Member, f generators.Flavour, clock func() time.Time) func(*call.Input) {
	return func(in *call.Input) {
		if p, ok := in.IntField(m.Name); ok {
			*p = generators.Integers(m, f).Example(0).Value
		} else if p, ok := in.StringField(m.Name); ok {
			*p = generators.Strings(m, f, clock).Example(0).Value
		}
	}
}

// mfaCases are the device's cases: valid (its current code), wrong code,
// wrong serial. Each is built when reached, so the code is current.
func mfaCases(members []model.Member, caller call.Caller, clock func() time.Time) []func() generators.Case {
	d := caller.Devices[0]
	both := func(serial, code string, sf, cf generators.Flavour) func() generators.Case {
		return func() generators.Case {
			c := single(members, caller.Kind, "", generators.Absent, func(*call.Input) {})
			c.Input.SerialNumber, c.Input.TokenCode = call.String(serial), call.String(code)
			for i, m := range members {
				switch m.Name {
				case generators.SerialNumberName:
					c.Labels[i] = generators.Label(m.Name, sf)
				case generators.TokenCodeName:
					c.Labels[i] = generators.Label(m.Name, cf)
				}
			}
			return c
		}
	}
	return []func() generators.Case{
		func() generators.Case {
			return both(d.Serial, totp.Code(d.Secret, clock()), generators.Device, generators.TOTP)()
		},
		func() generators.Case {
			return both(d.Serial, WrongCode(d, clock()), generators.Device, generators.Valid)()
		},
		func() generators.Case {
			return both(d.Serial+"0", WrongCode(d, clock()), generators.Valid, generators.Valid)()
		},
	}
}

// WrongCode is six digits that are not a valid code of d at t.
func WrongCode(d call.Device, t time.Time) string {
	for _, c := range []string{"000000", "111111", "222222", "333333"} {
		if !totp.Valid(d.Secret, c, t) {
			return c
		}
	}
	return "444444"
}
