package wire

import (
	"fmt"
	"time"

	"pgregory.net/rapid"
)

// expirationGen draws an Expiration text and what it says: an instant in
// 2000–2099, 0–9 fractional digits when frac is on (else 0 or 3), a zone
// of Z, or an offset, lower-case t and z, or no zone.
func expirationGen(f features) *rapid.Generator[Timestamp] {
	return rapid.Custom(func(t *rapid.T) Timestamp {
		at := time.Unix(rapid.Int64Range(946684800, 4102444799).Draw(t, "seconds"), 0).UTC()
		digits := rapid.SampledFrom([]int{0, 3}).Draw(t, "digits")
		if f.frac {
			digits = rapid.IntRange(0, 9).Draw(t, "digits")
		}
		if digits > 0 {
			unit := time.Duration(1)
			for range 9 - digits {
				unit *= 10
			}
			at = at.Add(time.Duration(rapid.Int64Range(0, 999999999).Draw(t, "nanos"))).Truncate(unit)
		}
		zone, offset := drawZone(t, f)
		sep := "T"
		if f.lowercase && rapid.Bool().Draw(t, "lower t") {
			sep = "t"
		}
		wall := at.Add(offset)
		text := wall.Format("2006-01-02") + sep + wall.Format("15:04:05") + fraction(wall, digits) + zone
		ts := Timestamp{Text: text, Form: FormDateTime, Instant: at, FracDigits: digits}
		if zone == "" {
			ts.Form, ts.Instant = FormNaive, wall
		}
		if f.whitespace && rapid.Bool().Draw(t, "pad") {
			ts.Text = rapid.SampledFrom([]string{" ", "\n  ", "\t"}).Draw(t, "lead") + text +
				rapid.SampledFrom([]string{" ", "\n", ""}).Draw(t, "trail")
		}
		return ts
	})
}

// drawZone picks the zone designator and the offset it stands for.
func drawZone(t *rapid.T, f features) (string, time.Duration) {
	var zones []string
	if f.naive {
		zones = append(zones, "")
	}
	if f.lowercase {
		zones = append(zones, "z")
	}
	if f.offset {
		zones = append(zones, "+01:00", "-05:30", "+14:00", "-12:00", "+00:00", "-00:00", "offset")
	}
	if len(zones) == 0 || !f.naive {
		zones = append(zones, "Z")
	}
	zone := rapid.SampledFrom(zones).Draw(t, "zone")
	if zone == "offset" {
		minutes := rapid.IntRange(-14*4, 14*4).Draw(t, "quarter hours") * 15
		zone = fmt.Sprintf("%+03d:%02d", minutes/60, abs(minutes%60))
		if minutes < 0 && minutes > -60 {
			zone = fmt.Sprintf("-00:%02d", -minutes)
		}
	}
	if len(zone) != 6 {
		return zone, 0
	}
	d, _ := parseOffset(zone)
	return zone, d
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// fraction writes exactly digits fractional digits of t's second.
func fraction(t time.Time, digits int) string {
	if digits == 0 {
		return ""
	}
	return "." + fmt.Sprintf("%09d", t.Nanosecond())[:digits]
}
