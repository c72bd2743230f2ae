package report

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Views are the renderings of a report written to files; an empty path
// writes nothing.
type Views struct {
	HTML, JUnit, Markdown, Table string
}

// WriteViews renders rep to every path v names.
func WriteViews(rep Report, v Views) error {
	var errs []error
	for _, out := range []struct {
		path   string
		render func(io.Writer, Report) error
	}{
		{v.HTML, WriteHTML}, {v.JUnit, WriteJUnit},
		{v.Markdown, func(w io.Writer, r Report) error { WriteMarkdown(w, r); return nil }},
		{v.Table, func(w io.Writer, r Report) error { WriteTable(w, r); return nil }},
	} {
		if out.path != "" {
			errs = append(errs, writeFile(out.path, rep, out.render))
		}
	}
	return errors.Join(errs...)
}

func writeFile(path string, rep Report, render func(io.Writer, Report) error) error {
	var b strings.Builder
	if err := render(&b, rep); err != nil {
		return fmt.Errorf("rendering %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// stepSummaryLimit is GitHub's limit on a step summary (1 MiB).
const stepSummaryLimit = 1 << 20

// AppendStepSummary appends the Markdown summary to the file named by
// $GITHUB_STEP_SUMMARY, when that is set (in a GitHub Actions job); a
// summary over GitHub's 1 MiB limit is cut, saying so.
func AppendStepSummary(rep Report) error {
	path := os.Getenv("GITHUB_STEP_SUMMARY")
	if path == "" {
		return nil
	}
	var md strings.Builder
	WriteMarkdown(&md, rep)
	text := md.String()
	if len(text) > stepSummaryLimit-512 {
		text = strings.ToValidUTF8(text[:stepSummaryLimit-512], "") + "\n\n… cut at GitHub's 1 MiB limit: see the full report.\n"
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("GITHUB_STEP_SUMMARY: %w", err)
	}
	_, err = io.WriteString(f, text+"\n")
	return errors.Join(err, f.Close())
}

// Load reads a saved JSON report, refusing one whose schema this version
// of stsconform does not read.
func Load(path string) (Report, error) {
	rep, err := Read(path)
	if err != nil {
		return rep, fmt.Errorf("reading report %s: %w", path, err)
	}
	if rep.SchemaVersion != SchemaVersion {
		return rep, fmt.Errorf("report %s has schema version %d; this stsconform reads version %d", path, rep.SchemaVersion, SchemaVersion)
	}
	return rep, nil
}
