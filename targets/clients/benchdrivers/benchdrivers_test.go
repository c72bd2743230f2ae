package main

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stsconform/stsconform/internal/testenv"
	clients "github.com/stsconform/stsconform/targets/clients"
)

func TestSpreadOf(t *testing.T) {
	tests := []struct {
		xs   []float64
		want spread
	}{
		{[]float64{3}, spread{3, 3, 3, 3, 3}},
		{[]float64{4, 1, 3, 2, 5}, spread{1, 2, 3, 4, 5}},
		{[]float64{1, 2, 3, 4}, spread{1, 1.75, 2.5, 3.25, 4}},
	}
	for _, tt := range tests {
		if got := spreadOf(tt.xs); got != tt.want {
			t.Errorf("spreadOf(%v) = %+v, want %+v", tt.xs, got, tt.want)
		}
	}
}

func TestOverheads(t *testing.T) {
	got := overheads([]float64{1.2, 1.0, 0.9}, []float64{1, 1, 1})
	if n := above(got, aim); n != 0 { // 1.2/1 - 1 is exactly 20 %: not above
		t.Errorf("above(%v) = %d, want 0", got, n)
	}
	if got[2] > -9.99 || got[2] < -10.01 {
		t.Errorf("overhead of 0.9 s over 1 s = %v, want -10 %%", got[2])
	}
}

func TestParseFlags(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string // "" for none
	}{
		{nil, ""},
		{[]string{"-clients=botocore-unvalidated"}, ""},
		{[]string{"-clients=go-v2"}, "in-process"},
		{[]string{"-clients=nope"}, "unknown client"},
		{[]string{"-n=0"}, "positive"},
		{[]string{"extra"}, "unexpected"},
	}
	for _, tt := range tests {
		_, err := parseFlags(tt.args)
		if (err == nil) != (tt.wantErr == "") || err != nil && !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("parseFlags(%q) = %v, want error containing %q", tt.args, err, tt.wantErr)
		}
	}
}

// TestLoopServer drives stand-in loop servers written in sh: the request
// line is their $1.
func TestLoopServer(t *testing.T) {
	tests := []struct {
		name, script, wantErr string
	}{
		{"answers", `[ "$1" = LINE ] || exit 3; while read n; do echo 0.25; done`, ""},
		{"call fails", `while read n; do echo "error: no credentials"; done`, "no credentials"},
		{"not seconds", `while read n; do echo soon; done`, "not seconds"},
		{"exits", `echo broken >&2; exit 4`, "its stderr ends: broken"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s, err := startLoop([]string{"sh", "-c", tt.script, "sh"}, "", "LINE")
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = s.close(ctx) })
			secs, err := s.seconds(ctx, 10)
			switch {
			case tt.wantErr == "" && (err != nil || secs != 0.25):
				t.Errorf("seconds = %v, %v; want 0.25", secs, err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("seconds: error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

// TestMeasure runs a few cases of each default client through its real
// driver and loop server (skipped, or failed in CI, where a driver is not
// installed).
func TestMeasure(t *testing.T) {
	root, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := parseFlags([]string{"-root=" + root, "-n=3", "-rounds=2", "-warmup=1"})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range cfg.clients {
		t.Run(e.Name, func(t *testing.T) {
			res, err := measure(context.Background(), cfg, e)
			if errors.Is(err, clients.ErrNotInstalled) {
				testenv.Missing(t, err.Error())
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, side := range [][]float64{res.loop, res.pipelined, res.lockstep} {
				if len(side) != 2 || side[0] <= 0 || side[1] <= 0 {
					t.Errorf("seconds per round = %v, want 2 positive values", side)
				}
			}
		})
	}
}
