package generators

import (
	"fmt"
	"slices"
	"time"

	"pgregory.net/rapid"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/model"
)

// Case is one whole GetSessionToken input and the caller that sends it.
type Case struct {
	Input  call.Input
	Caller call.CallerKind
	// Labels has one class label per member, in model order (e.g.
	// "SerialNumber/hostile"), then the caller's (e.g. "Caller/root").
	Labels []string
}

// Options configure Cases. The zero value is the default.
type Options struct {
	// Callers are the caller kinds to draw from; empty means every kind in
	// call.CallerKinds. call.User, when present, is drawn most often.
	Callers []call.CallerKind
	// Clock gives the time a totp code is computed for, at draw time;
	// nil means time.Now.
	Clock func() time.Time
}

// faultWeight is how many times more often a faulty flavour is drawn than
// valid or absent in the free mix.
const faultWeight = 2

// mixes weights the mixes of Cases; choose draws each slot equally often.
var mixes = append(slices.Repeat([]mix{free}, 12), clean, clean, clean, mfa)

// userWeight is how many times more often call.User is drawn than another
// caller kind.
const userWeight = 3

// Cases draws whole inputs. Each member picks its flavour independently,
// in one of three mixes:
//
//   - free (12 cases in 16): absent, valid, or a faulty flavour (boundary,
//     invalid:*, hostile), each faulty one faultWeight times as likely;
//   - clean (3 in 16): absent, valid, device or totp;
//   - mfa (1 in 16): device and totp, the other members absent or valid.
//
// So about a quarter of the cases are valid or absent throughout, about one
// in twelve pairs the device with its current code, and every class of
// Classes is drawn in one case in eight or more (each string member's eight
// classes exactly equally), which keeps all of them within rapid's default
// 100 checks. Shrinking leads towards absent members and call.User.
func Cases(opts Options) *rapid.Generator[Case] {
	if opts.Clock == nil {
		opts.Clock = time.Now
	}
	var plans []memberPlan
	for _, m := range operation().Members {
		plans = append(plans, planFor(m, opts.Clock))
	}
	pickMix, pickCaller := choose(mixes), choose(weighted(opts.Callers))
	return rapid.Custom(func(t *rapid.T) Case {
		var c Case
		mx := pickMix.Draw(t, "mix")
		for _, p := range plans {
			f := p.pick[mx].Draw(t, p.name+".flavour")
			c.Labels = append(c.Labels, p.draw(t, f, &c.Input))
		}
		c.Caller = pickCaller.Draw(t, "caller")
		c.Labels = append(c.Labels, callerLabel(c.Caller))
		return c
	})
}

// mix is how the members of one case choose their flavours.
type mix int

const (
	free  mix = iota // absent, valid or faulty
	clean            // absent or valid, device and totp included
	mfa              // device and totp; the others valid or absent
)

// memberPlan draws one member of a case.
type memberPlan struct {
	name string
	pick map[mix]*rapid.Generator[Flavour] // the flavour, by mix
	draw func(t *rapid.T, f Flavour, in *call.Input) string
}

func planFor(m model.Member, clock func() time.Time) memberPlan {
	p := memberPlan{name: m.Name, pick: picks(m)}
	all := flavoursOf(m)
	switch m.Kind {
	case model.Integer:
		p.draw = drawer(all, func(f Flavour) *rapid.Generator[Drawn[int32]] { return Integers(m, f) }, int32Field(m.Name))
	case model.String:
		p.draw = drawer(all, func(f Flavour) *rapid.Generator[Drawn[string]] { return Strings(m, f, clock) }, stringField(m.Name))
	default:
		panic(fmt.Sprintf("generators: member %s has unsupported kind %s", m.Name, m.Kind))
	}
	return p
}

// picks gives, for each mix, the flavours a member chooses from.
func picks(m model.Member) map[mix]*rapid.Generator[Flavour] {
	valid := []Flavour{Absent, Valid}
	inMFA := valid
	if f, ok := mfaFlavour[m.Name]; ok {
		valid, inMFA = append(valid, f), []Flavour{f}
	}
	faults := slices.DeleteFunc(flavoursOf(m), func(f Flavour) bool { return slices.Contains(valid, f) })
	return map[mix]*rapid.Generator[Flavour]{
		free:  choose(append([]Flavour{Absent, Valid}, slices.Repeat(faults, faultWeight)...)),
		clean: choose(valid),
		mfa:   choose(inMFA),
	}
}

// drawer builds one generator per flavour and returns a function that draws
// in a flavour, stores the value in the input field and returns the label.
func drawer[V any](fs []Flavour, gen func(Flavour) *rapid.Generator[Drawn[V]], field func(*call.Input) **V) func(*rapid.T, Flavour, *call.Input) string {
	gens := make(map[Flavour]*rapid.Generator[Drawn[V]], len(fs))
	for _, f := range fs {
		gens[f] = gen(f)
	}
	return func(t *rapid.T, f Flavour, in *call.Input) string {
		d := gens[f].Draw(t, string(f))
		*field(in) = d.Value
		return d.Label
	}
}

func int32Field(name string) func(*call.Input) **int32 {
	if _, ok := new(call.Input).IntField(name); !ok {
		panic("generators: call.Input has no integer field " + name)
	}
	return func(in *call.Input) **int32 { p, _ := in.IntField(name); return p }
}

func stringField(name string) func(*call.Input) **string {
	if _, ok := new(call.Input).StringField(name); !ok {
		panic("generators: call.Input has no string field " + name)
	}
	return func(in *call.Input) **string { p, _ := in.StringField(name); return p }
}
