// Command screenshot takes the README's screenshot of an HTML report: it
// opens the page in headless Chromium, clicks one matrix cell (as a reader
// would, so its example opens below the matrix) and saves the page down to
// that example (or to the matrix) as a PNG. Used by `make report-screenshot`.
//
//	go run ./conformance/report/internal/screenshot -cell 'td[data-target="moto"] a.cell' report.html out.png
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

func main() {
	cell := flag.String("cell", "", "CSS selectors of the matrix cell to click, separated by ';': the first that matches is clicked (none: no example open)")
	width := flag.Int("width", 1280, "viewport width in CSS pixels")
	top := flag.String("top", "", "CSS selector of the element the picture starts at (none: the page's top)")
	bottom := flag.String("bottom", "", "CSS selector of the element the picture ends with (none: the opened example, else the matrix)")
	flag.Parse()
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: screenshot [-cell selector] [-width px] report.html out.png")
		os.Exit(2)
	}
	if err := shoot(flag.Arg(0), flag.Arg(1), *cell, *width, clip{*top, *bottom}); err != nil {
		fmt.Fprintln(os.Stderr, "screenshot:", err)
		os.Exit(1)
	}
}

// clip names the elements a picture starts at and ends with.
type clip struct{ top, bottom string }

// script is the JavaScript expression that gives the clip's [top, bottom]
// in page coordinates.
func (c clip) script() (string, error) {
	sels, err := json.Marshal([]string{c.top, c.bottom})
	if err != nil {
		return "", err
	}
	return fmt.Sprintf(`(([t, b]) => {
		const y = e => e.getBoundingClientRect();
		const top = t ? y(document.querySelector(t)).top + window.scrollY - 8 : 0;
		const end = (b && document.querySelector(b)) || document.querySelector(":target") || document.querySelector("table.matrix") || document.body;
		return [top, y(end).bottom + window.scrollY + 12];
	})(%s)`, sels), nil
}

func shoot(htmlPath, out, cell string, width int, c clip) error {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		return fmt.Errorf("install Chromium: make browser")
	}
	abs, err := filepath.Abs(htmlPath)
	if err != nil {
		return err
	}
	profile, err := os.MkdirTemp("", "stsconform-screenshot")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium), chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.UserDataDir(profile), chromedp.WindowSize(width, 900))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	steps := []chromedp.Action[chromedp.Void]{chromedp.EmulateViewport(int64(width), 900), chromedp.Navigate("file://" + abs)}
	if cell != "" {
		sels, err := json.Marshal(strings.Split(cell, ";"))
		if err != nil {
			return err
		}
		steps = append(steps, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(
			`(sels => { for (const s of sels) { const e = document.querySelector(s.trim()); if (e) { e.click(); break } } })(%s)`, sels)),
			chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
	}
	if err := chromedp.Do(ctx, steps...); err != nil {
		return err
	}
	tctx, tcancel := context.WithTimeout(ctx, 30*time.Second)
	defer tcancel()
	js, err := c.script()
	if err != nil {
		return err
	}
	span, err := chromedp.Run(tctx, chromedp.Evaluate[[]float64](js))
	if err != nil {
		return err
	}
	if len(span) != 2 || span[1] <= span[0] {
		return fmt.Errorf("nothing to capture between %q and %q: %v", c.top, c.bottom, span)
	}
	png, err := chromedp.Run(tctx, func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
		r, err := cdp.Call(ctx, t, page.CaptureScreenshot, page.CaptureScreenshotParams{CaptureBeyondViewport: ptr(true),
			Clip: &page.Viewport{Y: span[0], Width: float64(width), Height: span[1] - span[0], Scale: 1}})
		return r.Data, err
	})
	if err != nil {
		return err
	}
	return os.WriteFile(out, png, 0o644)
}

func ptr[T any](v T) *T { return &v }
