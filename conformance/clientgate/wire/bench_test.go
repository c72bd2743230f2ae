package wire

import (
	"testing"
)

// BenchmarkRead reads the AWS documentation example.
func BenchmarkRead(b *testing.B) {
	body := []byte(awsDocExample)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := Read(200, nil, body); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGenerate draws responses of every class and flavour.
func BenchmarkGenerate(b *testing.B) {
	g := Responses()
	i := 0
	for b.Loop() {
		_ = g.Example(i)
		i++
	}
}
