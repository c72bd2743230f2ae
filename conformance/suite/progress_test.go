package suite

import (
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/stsconform/stsconform/conformance"
)

// The progress line says what runs, how far the run has got once it has
// reported progress, and for how long.
func TestProgressLineSaysHowFar(t *testing.T) {
	p := newProgress(io.Discard, "stsconform: checking local", time.Hour)
	defer p.stop()
	at := p.start.Add(4 * time.Second)
	assert.Equal(t, "stsconform: checking local … 4s", p.line(at))
	p.update(conformance.Progress{Phase: "random", Done: 420, Total: 1000})
	assert.Equal(t, "stsconform: checking local … random phase 420/1000, 4s", p.line(at))
}
