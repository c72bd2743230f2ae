package wire

import "testing"

func BenchmarkGenerate(b *testing.B) {
	g := Responses()
	for i := 0; i < b.N; i++ {
		_ = g.Example(i)
	}
}
