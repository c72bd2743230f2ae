package report

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/internal/testenv"
)

// chromiumNames are the binaries the browser test looks for on PATH.
var chromiumNames = []string{"chromium", "chromium-browser", "google-chrome", "headless_shell"}

// findChromium returns a Chromium binary, or skips the test saying how to
// install one. In CI (CI set) nothing skips: a missing Chromium fails.
func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range chromiumNames {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	testenv.Missing(t, "install Chromium: make browser")
	return ""
}

// openPage starts a headless Chromium on the file at path (a new profile,
// stopped at cleanup) and returns its chromedp context.
func openPage(t *testing.T, path string) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(findChromium(t)),
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	abs, err := filepath.Abs(path)
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate("file://"+abs)), "loading the page in Chromium")
	return ctx
}

// eval runs a JavaScript expression in the page, bounded in time.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	require.NoError(t, err, expr)
	return v
}

// renderKnownReport renders the HTML page from the saved rich report.
func renderKnownReport(t *testing.T) (string, Report) {
	t.Helper()
	rep, err := Load(filepath.Join("testdata", "rich.json.golden"))
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "report.html")
	require.NoError(t, WriteViews(rep, Views{HTML: path}))
	return path, rep
}

func TestHTMLReportInBrowser(t *testing.T) {
	path, rep := renderKnownReport(t)
	ctx := openPage(t, path)

	cells := eval[int](t, ctx, `document.querySelectorAll("table.matrix td[data-state]").length`)
	assert.Equal(t, len(rep.Matrix)*len(rep.Targets), cells, "one cell per class × target")
	for _, s := range States {
		n := eval[int](t, ctx, fmt.Sprintf(`document.querySelectorAll('td[data-state=%q]').length`, s))
		assert.Positive(t, n, "a cell in state %s", s)
	}
	visible := `(sel) => { const e = document.querySelector(sel); return !!e && getComputedStyle(e).display !== "none" && e.getBoundingClientRect().height > 0 }`
	isVisible := func(sel string) bool { return eval[bool](t, ctx, fmt.Sprintf("(%s)(%q)", visible, sel)) }

	example := eval[string](t, ctx, `document.querySelector('td[data-state="diverge"] a.cell').getAttribute("href")`)
	require.False(t, isVisible(example), "examples are hidden until a cell is clicked")
	cctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	require.NoError(t, chromedp.Do(cctx, chromedp.Click(chromedp.CSS(`td[data-state="diverge"] a.cell`))))
	require.True(t, isVisible(example), "clicking the diverging cell shows its example")
	text := eval[string](t, ctx, fmt.Sprintf(`document.querySelector(%q).innerText`, example))
	for _, want := range []string{"expected", "actual", "{DurationSeconds=899}", "-rapid.seed=7", "curl -sS"} {
		assert.Contains(t, text, want)
	}
	assert.Equal(t, "success", eval[string](t, ctx, fmt.Sprintf(`document.querySelector("%s .actual mark.bad").innerText`, example)),
		"the differing field is highlighted")
	assert.True(t, eval[bool](t, ctx, fmt.Sprintf(`(() => { const c = document.querySelectorAll("%s .sbs > div"); return c.length === 2 && c[0].getBoundingClientRect().top === c[1].getBoundingClientRect().top })()`, example)),
		"expected and actual side by side")
	assert.Contains(t, eval[string](t, ctx, `document.querySelector("#fact-table").innerText`), "length-unit-non-ascii")

	shot := screenshot(t, ctx, "report.png")
	t.Logf("screenshot: %s", shot)
}

func TestHTMLReportOnANarrowScreenAndInPrint(t *testing.T) {
	path, _ := renderKnownReport(t)
	ctx := openPage(t, path)
	cctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	require.NoError(t, chromedp.Do(cctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile)))
	assert.LessOrEqual(t, eval[int](t, ctx, `document.documentElement.scrollWidth`), 360,
		"nothing wider than a phone: the matrix scrolls inside its box")
	screenshot(t, ctx, "report-narrow.png")

	require.NoError(t, chromedp.Do(cctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	})))
	shown := eval[int](t, ctx, `[...document.querySelectorAll("section.example.print")].filter(e => getComputedStyle(e).display !== "none").length`)
	assert.Equal(t, 2, shown, "in print, every divergence's example is shown")
	assert.Zero(t, eval[int](t, ctx, `[...document.querySelectorAll(".noprint")].filter(e => getComputedStyle(e).display !== "none").length`))
}

// screenshot saves a full-page PNG as a test artefact (go test -artifacts
// keeps it under -outputdir) and returns its path.
func screenshot(t *testing.T, ctx context.Context, name string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	require.NoError(t, err)
	path := filepath.Join(t.ArtifactDir(), name)
	require.NoError(t, os.WriteFile(path, png, 0o644))
	return path
}

// Raw mode's section: each violation's example folds under its count,
// opens on a click, and is shown in print.
func TestHTMLRawSectionInBrowser(t *testing.T) {
	path, rep := renderKnownReport(t)
	ctx := openPage(t, path)
	cells := eval[int](t, ctx, `document.querySelectorAll("#raw-table td[data-state]").length`)
	assert.Equal(t, len(rep.Raw.Classes)*len(rep.Raw.Targets), cells, "one cell per raw class × target")
	folded := `(sel) => { const e = document.querySelector(sel + " .raw-example"); return e.getBoundingClientRect().height === 0 || getComputedStyle(e).display === "none" || !e.checkVisibility() }`
	isFolded := func(sel string) bool { return eval[bool](t, ctx, fmt.Sprintf("(%s)(%q)", folded, sel)) }
	const newViolation = `details[data-verdict="NEW"]`
	require.True(t, isFolded(newViolation), "a violation's example is folded under its count")
	cctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	require.NoError(t, chromedp.Do(cctx, chromedp.Click(chromedp.CSS(newViolation+" summary"))))
	require.False(t, isFolded(newViolation), "clicking the count shows the example")
	text := eval[string](t, ctx, fmt.Sprintf(`document.querySelector(%q).innerText`, newViolation))
	for _, want := range []string{"request", "POST /", "Content-Type: text/plain", "expected", "a non-form body is refused", "actual", "HTTP 200", "curl -sS"} {
		assert.Contains(t, text, want)
	}
	screenshot(t, ctx, "report-raw.png")

	require.NoError(t, chromedp.Do(cctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	})))
	hidden := eval[int](t, ctx, fmt.Sprintf(`[...document.querySelectorAll("details.raw-violation")].filter(d => (%s)("#" + d.id)).length`, folded))
	assert.Zero(t, hidden, "in print, every raw violation's example is shown")
}
