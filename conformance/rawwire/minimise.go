package rawwire

import (
	"context"
	"fmt"
	"time"

	"pgregory.net/rapid"

	"github.com/stsconform/stsconform/conformance/internal/capture"
	"github.com/stsconform/stsconform/conformance/internal/rapidflags"
)

// minimise lets rapid shrink one example per unknown violation: the
// property fails only on a request of that class breaking that property on
// that target, so the minimal request stays in the cell.
func minimise(ctx context.Context, cfg config, s *sender, rec *recorder, eps []Endpoint) {
	if cfg.shrinkLimit <= 0 {
		return
	}
	defer rapidflags.Set("rapid.nofailfile", "true")()
	defer rapidflags.Set("rapid.shrinktime", cfg.shrinkTime.String())()
	byName := map[string]Endpoint{}
	for _, ep := range eps {
		byName[ep.Name] = ep
	}
	for i, cell := range rec.unknownCells() {
		if i >= cfg.shrinkLimit || ctx.Err() != nil {
			return
		}
		shrinkCell(ctx, s, rec, cell[0], byName[cell[1]], cell[2])
	}
}

func shrinkCell(ctx context.Context, s *sender, rec *recorder, class string, ep Endpoint, property string) {
	gen := ClassRequests(class)
	var last func()
	deadline := time.Now().Add(2 * rapidflags.Duration("rapid.shrinktime"))
	tb := capture.New("rawwire")
	capture.Run(tb, func() {
		rapid.Check(tb, func(rt *rapid.T) {
			r := gen.Draw(rt, "request")
			if ctx.Err() != nil || time.Now().After(deadline) {
				return
			}
			resp := s.send(ctx, ep, r)
			for _, v := range judge(r, resp) {
				if v.Property == property {
					last = func() { rec.shrunk(r, ep, v, resp) }
					rt.Fatal(v.Detail)
				}
			}
		})
	})
	if p := tb.Panic(); p != nil {
		panic(fmt.Sprint("rawwire: ", p)) // a bug in raw mode, not in a target
	}
	if last != nil && ctx.Err() == nil {
		last()
	}
}
