// Package tail keeps the end of what a child process writes (its stderr),
// so that an error about the process can quote how its output ended.
package tail

import "sync"

// Buffer keeps the last Max bytes written to it. It is safe for
// concurrent use (os/exec copies a child's stderr on a goroutine of its
// own).
type Buffer struct {
	Max int
	mu  sync.Mutex
	buf []byte
}

// Write keeps the end of p; it never fails.
func (b *Buffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf = append(b.buf, p...)
	if over := len(b.buf) - b.Max; over > 0 {
		b.buf = b.buf[over:]
	}
	return len(p), nil
}

// Last returns up to n of the last bytes kept, "" when nothing was written.
func (b *Buffer) Last(n int) string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return string(b.buf[max(0, len(b.buf)-n):])
}
