package clientgate

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"sync"

	"pgregory.net/rapid"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/generators"
	"github.com/stsconform/stsconform/model"
	"github.com/stsconform/stsconform/targets/clients/driver"
)

// Case is one generated client input and the generator classes it was
// drawn in.
type Case struct {
	Input  driver.Input
	Labels []string
}

// Extra flavours the client gate adds to the suite's generators: values a
// client's types may not hold, and characters that test form encoding.
const (
	FlavourWireChars   = "wire-chars"    // valid length, made of URL and form metacharacters, non-ASCII, astral
	FlavourLeadingZero = "leading-zeros" // a string of digits starting with 0
	FlavourSurrogate   = "lone-surrogate"
	FlavourNumberForm  = "number-form"         // huge, negative, fractional, exponent, NaN, infinities, -0
	FlavourMultiByte   = "multibyte-under-min" // fewer characters than the minimum, as many bytes or more
)

// formChars are the characters whose form encoding differs between
// encoders (RFC 3986 unreserved and sub-delims, '%', space), plus
// non-ASCII and astral characters.
var formChars = []rune(" +=/:,.@-~*'()!&%_é€😀𝟎")

// rareMember is left out of half the cases: aws-sdk-go v1 has no such
// member, so any case that sets it is not expressible there, and v1 would
// see few cases.
const rareMember = "MinimumSessionTokenSize"

// extraOdds: one member value in extraOdds is drawn in a client-gate
// flavour.
const extraOdds = 5

// cases is Cases, built once.
var cases = sync.OnceValue(Cases)

// Cases draws client inputs: the suite's own cases (valid, invalid, hostile,
// every flavour the model allows, caller aside) with, per member, one in
// extraOdds replaced by a client-gate flavour.
func Cases() *rapid.Generator[Case] {
	base := generators.Cases(generators.Options{Callers: []call.CallerKind{call.User}})
	op := model.GetSessionToken()
	extra := map[string]*rapid.Generator[labelled]{}
	for _, m := range op.Members {
		extra[m.Name] = extraValues(m)
	}
	return rapid.Custom(func(t *rapid.T) Case {
		b := base.Draw(t, "base")
		c := Case{Input: FromCall(b.Input)}
		for i, m := range op.Members {
			label := b.Labels[i]
			if m.Name == rareMember && rapid.Bool().Draw(t, m.Name+".drop") {
				delete(c.Input, m.Name)
				c.Labels = append(c.Labels, generators.Label(m.Name, generators.Absent))
				continue
			}
			if rapid.IntRange(0, extraOdds-1).Draw(t, m.Name+".extra") == 0 {
				v := extra[m.Name].Draw(t, m.Name+".value")
				c.Input[m.Name], label = v.raw, generators.Label(m.Name, generators.Flavour(v.flavour))
			}
			c.Labels = append(c.Labels, label)
		}
		return c
	})
}

type labelled struct {
	raw     json.RawMessage
	flavour string
}

func extraValues(m model.Member) *rapid.Generator[labelled] {
	lo, hi := int64(0), int64(64)
	if m.Min != nil {
		lo = *m.Min
	}
	if m.Max != nil {
		hi = *m.Max
	}
	if m.Kind == model.Integer {
		return rapid.Map(rapid.SampledFrom(numberForms(lo, hi)), func(s string) labelled {
			return labelled{json.RawMessage(s), FlavourNumberForm}
		})
	}
	n := rapid.IntRange(int(max(lo, 1)), int(min(hi, 40)))
	return rapid.OneOf(
		rapid.Custom(func(t *rapid.T) labelled {
			// (lo+1)/2 two-byte characters: under lo characters, lo bytes or more.
			k := rapid.IntRange(int(max((lo+1)/2, 1)), int(max(lo-1, 1))).Draw(t, "chars")
			return labelled{jsonString(strings.Repeat("é", k)), FlavourMultiByte}
		}),
		rapid.Custom(func(t *rapid.T) labelled {
			k := n.Draw(t, "length")
			return labelled{jsonString(rapid.StringOfN(rapid.SampledFrom(formChars), k, k, -1).Draw(t, "chars")), FlavourWireChars}
		}),
		rapid.Custom(func(t *rapid.T) labelled {
			k := n.Draw(t, "length")
			return labelled{jsonString("0" + rapid.StringOfN(rapid.RuneFrom([]rune("0123456789")), k-1, k-1, -1).Draw(t, "digits")), FlavourLeadingZero}
		}),
		rapid.Custom(func(t *rapid.T) labelled {
			k := n.Draw(t, "length")
			s := strings.Repeat("A", k-1)
			at := rapid.IntRange(0, k-1).Draw(t, "at")
			surrogate := rapid.SampledFrom([]string{`\ud800`, `\udfff`, `\udbff`}).Draw(t, "surrogate")
			raw := string(jsonString(s[:at]))
			return labelled{json.RawMessage(raw[:len(raw)-1] + surrogate + s[at:] + `"`), FlavourSurrogate}
		}),
	)
}

// numberForms are number literals around a member's model bounds and past
// the integer types clients use: a fraction, exponent forms, -0, huge and
// negative values, the float specials.
func numberForms(lo, hi int64) []string {
	out := []string{
		strconv.FormatInt(lo, 10) + ".5", big.NewFloat(float64(hi)).Text('e', -1), "-0",
		strconv.FormatInt(-hi, 10), strconv.FormatInt(hi*1_000_000, 10),
		strconv.FormatInt(math.MaxInt32+1, 10), strconv.FormatInt(math.MinInt32-1, 10),
		new(big.Int).Lsh(big.NewInt(1), 63).String(), strconv.FormatInt(lo, 10) + ".0",
		`"NaN"`, `"Infinity"`, `"-Infinity"`, "1e+21",
	}
	return slices.Compact(out)
}

func jsonString(s string) json.RawMessage {
	b, _ := json.Marshal(s) // a Go string always marshals
	return b
}

// FromCall converts a suite input to a driver input.
func FromCall(in call.Input) driver.Input {
	out := driver.Input{}
	if in.DurationSeconds != nil {
		out["DurationSeconds"] = json.RawMessage(strconv.Itoa(int(*in.DurationSeconds)))
	}
	if in.MinimumSessionTokenSize != nil {
		out["MinimumSessionTokenSize"] = json.RawMessage(strconv.Itoa(int(*in.MinimumSessionTokenSize)))
	}
	if in.SerialNumber != nil {
		out["SerialNumber"] = jsonString(*in.SerialNumber)
	}
	if in.TokenCode != nil {
		out["TokenCode"] = jsonString(*in.TokenCode)
	}
	return out
}

// Text renders an input for people: members in model order, each as the
// JSON value sent to the client.
func Text(in driver.Input) string {
	if len(in) == 0 {
		return "{} (no members)"
	}
	var parts []string
	for _, m := range model.GetSessionToken().Members {
		if raw, ok := in[m.Name]; ok {
			v := string(raw)
			if len(v) > 80 {
				v = v[:80] + fmt.Sprintf("…(%d bytes)", len(raw))
			}
			parts = append(parts, m.Name+"="+v)
		}
	}
	return "{" + strings.Join(parts, " ") + "}"
}
