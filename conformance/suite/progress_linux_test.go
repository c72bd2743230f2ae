//go:build linux

package suite

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"
)

// openPTY returns the two ends of a new pseudo-terminal.
func openPTY(t *testing.T) (master, tty *os.File) {
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal (%v): the progress line is drawn on terminals only", err)
	}
	t.Cleanup(func() { _ = m.Close() })
	require.NoError(t, unix.IoctlSetPointerInt(int(m.Fd()), unix.TIOCSPTLCK, 0))
	n, err := unix.IoctlGetInt(int(m.Fd()), unix.TIOCGPTN)
	require.NoError(t, err)
	s, err := os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR, 0)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return m, s
}

func TestProgressLineOnATerminal(t *testing.T) {
	master, tty := openPTY(t)
	p := newProgress(tty, "stsconform: checking local", 0)
	time.Sleep(progressEvery + progressEvery/2)
	p.stop()
	out := readUntil(t, master, "…")
	assert.Contains(t, out, "\r\033[Kstsconform: checking local … 1s")
	assert.True(t, strings.HasSuffix(out, "1s\r\033[K"), "the line is erased at the end: %q", out)
}

// readUntil reads what the terminal shows until it has after followed by
// an erased line, or two seconds have passed.
func readUntil(t *testing.T, master *os.File, after string) string {
	require.NoError(t, master.SetReadDeadline(time.Now().Add(2*time.Second)))
	var out strings.Builder
	buf := make([]byte, 4096)
	for {
		n, err := master.Read(buf)
		out.Write(buf[:n])
		if s := out.String(); err != nil || (strings.Contains(s, after) && strings.HasSuffix(s, "\r\033[K")) {
			return s
		}
	}
}

func TestNoProgressLineOffATerminal(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf, "stsconform: checking local", 0)
	time.Sleep(progressEvery + progressEvery/2)
	p.stop()
	assert.Empty(t, buf.String())
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	require.NoError(t, err)
	p = newProgress(f, "stsconform: checking local", 0)
	time.Sleep(progressEvery + progressEvery/2)
	p.stop()
	data, err := os.ReadFile(f.Name())
	require.NoError(t, err)
	assert.Empty(t, data, "a file is no terminal")
}
