package tail

import (
	"strings"
	"testing"
)

func TestBufferKeepsTheEnd(t *testing.T) {
	b := &Buffer{Max: 8}
	if got := b.Last(100); got != "" {
		t.Fatalf("empty buffer: %q", got)
	}
	for _, s := range []string{"panic: ", "the driver ", "crashed"} {
		if n, err := b.Write([]byte(s)); n != len(s) || err != nil {
			t.Fatalf("Write(%q) = %d, %v", s, n, err)
		}
	}
	if got := b.Last(100); got != " crashed" {
		t.Errorf("Last(100) = %q, want the last 8 bytes", got)
	}
	if got := b.Last(3); got != "hed" {
		t.Errorf("Last(3) = %q", got)
	}
	b.Max = 1 << 10
	_, _ = b.Write([]byte(strings.Repeat("x", 2000)))
	if got := len(b.Last(5000)); got != 1<<10 {
		t.Errorf("kept %d bytes, want %d", got, 1<<10)
	}
}
