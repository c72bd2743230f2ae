package driver

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestIntegerNeverRoundsOrWraps(t *testing.T) {
	for _, tc := range []struct {
		raw  string
		bits int
		want int64
		ok   bool
	}{
		{"900", 32, 900, true}, {"-0", 32, 0, true}, {"1e3", 32, 1000, true}, {"2147483647", 32, 2147483647, true},
		{"2147483648", 32, 0, false}, {"-2147483649", 32, 0, false}, {"2147483648", 64, 2147483648, true},
		{"9223372036854775808", 64, 0, false}, {"3.5", 64, 0, false}, {"900.0", 32, 900, true},
		{`"NaN"`, 32, 0, false}, {`"Infinity"`, 64, 0, false}, {`"900"`, 32, 0, false}, {"1e+21", 64, 0, false},
	} {
		got, err := Integer("DurationSeconds", json.RawMessage(tc.raw), tc.bits)
		var inex *Inexpressible
		if tc.ok && (err != nil || got != tc.want) || !tc.ok && !errors.As(err, &inex) {
			t.Errorf("Integer(%s, %d) = %d, %v; want %d, ok=%v", tc.raw, tc.bits, got, err, tc.want, tc.ok)
		}
	}
}

func TestStringRefusesLoneSurrogates(t *testing.T) {
	for raw, ok := range map[string]bool{
		`"abc"`: true, `"\ud83d\ude00"`: true, `"😀"`: true, `"\\ud800"`: true, `"a\u00e9"`: true,
		`"\ud800"`: false, `"a\udfffb"`: false, `"\ud800\u0041"`: false, `"\ud83d"`: false, `"\ud800\\"`: false,
	} {
		_, err := String("TokenCode", json.RawMessage(raw))
		if (err == nil) != ok {
			t.Errorf("String(%s): err = %v, want ok=%v", raw, err, ok)
		}
	}
}
