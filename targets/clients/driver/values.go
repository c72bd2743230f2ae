package driver

import (
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"unicode/utf16"
)

// Inexpressible says that a member's value cannot be held by a client's
// type: the client is not called, and the reply's phase is inexpressible.
type Inexpressible struct {
	Member string
	Detail string
}

func (e *Inexpressible) Error() string { return e.Member + " " + e.Detail }

// String decodes a string member for a client whose strings are UTF-8 (Go,
// Rust): a lone surrogate cannot be held, so it is Inexpressible rather
// than replaced by U+FFFD as encoding/json would do.
func String(member string, raw json.RawMessage) (string, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", &Inexpressible{member, fmt.Sprintf("%s is not a JSON string", raw)}
	}
	if hasLoneSurrogate(raw) {
		return "", &Inexpressible{member, fmt.Sprintf("%s holds a lone surrogate, which a UTF-8 string cannot", raw)}
	}
	return s, nil
}

// hasLoneSurrogate reports whether a JSON string literal escapes a
// surrogate that is not half of a pair.
func hasLoneSurrogate(raw []byte) bool {
	var pending rune = -1 // a high surrogate awaiting its low half
	for i := 0; i < len(raw); i++ {
		if raw[i] != '\\' {
			if pending >= 0 {
				return true
			}
			continue
		}
		if i+1 < len(raw) && raw[i+1] != 'u' {
			if pending >= 0 {
				return true
			}
			i++
			continue
		}
		if i+6 > len(raw) {
			return pending >= 0
		}
		v, err := strconv.ParseUint(string(raw[i+2:i+6]), 16, 16)
		if err != nil {
			return false
		}
		r := rune(v)
		i += 5
		switch {
		case pending >= 0 && r >= 0xDC00 && r <= 0xDFFF:
			if utf16.DecodeRune(pending, r) == 0xFFFD {
				return true
			}
			pending = -1
		case pending >= 0:
			return true
		case r >= 0xD800 && r <= 0xDBFF:
			pending = r
		case r >= 0xDC00 && r <= 0xDFFF:
			return true
		}
	}
	return pending >= 0
}

// Integer decodes an integer member for a client whose type is a signed
// integer of the given bits: a fraction, NaN, an infinity or a value out of
// range is Inexpressible, never rounded or wrapped.
func Integer(member string, raw json.RawMessage, bits int) (int64, error) {
	r, err := Number(raw)
	if err != nil {
		return 0, &Inexpressible{member, err.Error()}
	}
	if r == nil {
		return 0, &Inexpressible{member, fmt.Sprintf("%s is not a number an int%d can hold", raw, bits)}
	}
	if !r.IsInt() {
		return 0, &Inexpressible{member, fmt.Sprintf("%s is not an integer (int%d)", raw, bits)}
	}
	n := r.Num()
	limit := new(big.Int).Lsh(big.NewInt(1), uint(bits-1))
	if n.Cmp(limit) >= 0 || n.Cmp(new(big.Int).Neg(limit)) < 0 {
		return 0, &Inexpressible{member, fmt.Sprintf("%s is outside int%d", raw, bits)}
	}
	return n.Int64(), nil
}

// Number reads an integer member's value exactly: nil (and no error) for
// "NaN", "Infinity" and "-Infinity", which are no rational number.
func Number(raw json.RawMessage) (*big.Rat, error) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		switch s {
		case "NaN", "Infinity", "-Infinity":
			return nil, nil
		}
		return nil, fmt.Errorf("%s is neither a number nor NaN/Infinity/-Infinity", raw)
	}
	var num json.Number
	if err := json.Unmarshal(raw, &num); err != nil {
		return nil, fmt.Errorf("%s is not a JSON number", raw)
	}
	r, ok := new(big.Rat).SetString(num.String())
	if !ok {
		return nil, fmt.Errorf("%s is not a number", raw)
	}
	return r, nil
}
