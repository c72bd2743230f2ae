package model

import "testing"

func TestStatusRank(t *testing.T) {
	for _, tc := range []struct {
		in   []Status
		want Status
	}{
		{nil, Confirmed},
		{[]Status{Confirmed, Inferred}, Inferred},
		{[]Status{Unverified, Inferred, Confirmed}, Unverified},
		{[]Status{"bogus", Inferred}, "bogus"}, // unknown ranks as weakest
	} {
		if got := Weakest(tc.in...); got != tc.want {
			t.Errorf("Weakest(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if !Inferred.Weaker(Confirmed) || Confirmed.Weaker(Inferred) || Unverified.Weaker(Unverified) {
		t.Error("Weaker does not follow CONFIRMED < INFERRED < UNVERIFIED")
	}
}
