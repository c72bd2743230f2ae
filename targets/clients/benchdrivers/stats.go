package main

import (
	"fmt"
	"io"
	"slices"
)

// aim is issue 10's bound on the protocol's overhead over the loop, in %.
const aim = 20.0

// spread is a sample's median, quartiles and range.
type spread struct{ min, q1, median, q3, max float64 }

// spreadOf sorts a copy of xs (not empty) and reads its quartiles by
// linear interpolation between the nearest ranks.
func spreadOf(xs []float64) spread {
	s := slices.Clone(xs)
	slices.Sort(s)
	at := func(q float64) float64 {
		pos := q * float64(len(s)-1)
		i := int(pos)
		if i+1 >= len(s) {
			return s[len(s)-1]
		}
		return s[i] + (pos-float64(i))*(s[i+1]-s[i])
	}
	return spread{min: s[0], q1: at(0.25), median: at(0.5), q3: at(0.75), max: s[len(s)-1]}
}

func (s spread) format(verb string) string {
	f := func(x float64) string { return fmt.Sprintf(verb, x) }
	return fmt.Sprintf("median %s (quartiles %s … %s, range %s … %s)", f(s.median), f(s.q1), f(s.q3), f(s.min), f(s.max))
}

// rates are calls per second of each round.
func rates(n int, seconds []float64) []float64 {
	out := make([]float64, len(seconds))
	for i, s := range seconds {
		out[i] = float64(n) / s
	}
	return out
}

// overheads are each round's time per case through the driver over the
// loop's, minus one, in %.
func overheads(driver, loop []float64) []float64 {
	out := make([]float64, len(loop))
	for i := range loop {
		out[i] = 100 * (driver[i]/loop[i] - 1)
	}
	return out
}

func above(xs []float64, bound float64) int {
	n := 0
	for _, x := range xs {
		if x > bound {
			n++
		}
	}
	return n
}

// print writes one client's figures.
func (r result) print(w io.Writer) {
	fmt.Fprintf(w, "\n%s: %s %s (%s)\n", r.entry.Name, r.hello.Client, r.hello.Version, r.hello.Runtime)
	fmt.Fprintf(w, "  loop       calls/s  %s\n", spreadOf(rates(r.n, r.loop)).format("%.0f"))
	fmt.Fprintf(w, "  pipelined  calls/s  %s\n", spreadOf(rates(r.n, r.pipelined)).format("%.0f"))
	fmt.Fprintf(w, "  lockstep   calls/s  %s\n", spreadOf(rates(r.n, r.lockstep)).format("%.0f"))
	for _, side := range []struct {
		name    string
		seconds []float64
	}{{"pipelined", r.pipelined}, {"lockstep", r.lockstep}} {
		o := overheads(side.seconds, r.loop)
		fmt.Fprintf(w, "  overhead, %-9s over loop  %s; %d of %d rounds above +%.0f %%\n",
			side.name, spreadOf(o).format("%+.1f %%"), above(o, aim), len(o), aim)
	}
	verdict := "met"
	if m := spreadOf(overheads(r.pipelined, r.loop)).median; m > aim {
		verdict = fmt.Sprintf("NOT met (median %+.1f %%)", m)
	}
	fmt.Fprintf(w, "  aim, as the gate sends (pipelined median at most +%.0f %%): %s\n", aim, verdict)
	cases := float64(r.n * len(r.loop))
	fmt.Fprintf(w, "  this process's CPU per case (local server + Go side): loop %.0f µs, pipelined %.0f µs, lockstep %.0f µs\n",
		r.cpu[0]/cases*1e6, r.cpu[1]/cases*1e6, r.cpu[2]/cases*1e6)
}
