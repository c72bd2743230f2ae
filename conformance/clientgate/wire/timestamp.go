package wire

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// dateTime matches an ISO 8601 extended date-time as RFC 3339 writes it,
// with the zone optional (RFC 3339 section 5.6 allows lower-case t and z).
var dateTime = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})?$`)

var epoch = regexp.MustCompile(`^-?\d{1,12}(?:\.(\d+))?$`)

// ParseTimestamp reads an Expiration text. Surrounding XML whitespace is
// collapsed first (xs:dateTime); Text keeps it.
func ParseTimestamp(text string) Timestamp {
	ts := Timestamp{Text: text, Form: FormInvalid}
	s := strings.Trim(text, " \t\r\n")
	if m := dateTime.FindStringSubmatch(s); m != nil {
		parseDateTime(&ts, m)
		return ts
	}
	if m := epoch.FindStringSubmatch(s); m != nil {
		if at, ok := parseEpoch(s); ok {
			ts.Form, ts.Instant, ts.FracDigits = FormEpoch, at, len(m[1])
		}
		return ts
	}
	if at, err := time.Parse(http.TimeFormat, s); err == nil {
		ts.Form, ts.Instant = FormHTTPDate, at.UTC()
	}
	return ts
}

// parseDateTime fills ts from a dateTime match; out-of-range fields (a
// leap second included, which time.Time cannot hold) leave it FormInvalid.
func parseDateTime(ts *Timestamp, m []string) {
	n := make([]int, 6)
	for i := range n {
		n[i], _ = strconv.Atoi(m[i+1])
	}
	year, month, day, hour, minute, sec := n[0], n[1], n[2], n[3], n[4], n[5]
	if month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || sec > 59 {
		return
	}
	offset, ok := parseOffset(m[8])
	if !ok {
		return
	}
	at := time.Date(year, time.Month(month), day, hour, minute, sec, fracNanos(m[7]), time.UTC)
	ts.Instant, ts.FracDigits = at.Add(-offset), len(m[7])
	ts.Form = FormDateTime
	if m[8] == "" {
		ts.Form = FormNaive
	}
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// parseOffset reads Z, z, +hh:mm or -hh:mm; "" is no zone (offset 0).
func parseOffset(z string) (time.Duration, bool) {
	if len(z) != 6 {
		return 0, true
	}
	h, _ := strconv.Atoi(z[1:3])
	m, _ := strconv.Atoi(z[4:6])
	if h > 23 || m > 59 {
		return 0, false
	}
	d := time.Duration(h)*time.Hour + time.Duration(m)*time.Minute
	if z[0] == '-' {
		d = -d
	}
	return d, true
}

// fracNanos gives the nanoseconds of a fraction's digits, truncated after
// the ninth.
func fracNanos(digits string) int {
	digits = (digits + "000000000")[:9]
	n, _ := strconv.Atoi(digits)
	return n
}

func parseEpoch(s string) (time.Time, bool) {
	whole, frac, _ := strings.Cut(s, ".")
	sec, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	nanos := int64(fracNanos(frac))
	if strings.HasPrefix(whole, "-") {
		nanos = -nanos
	}
	return time.Unix(sec, nanos).UTC(), true
}
