package rawwire

import "github.com/stsconform/stsconform/model"

// text is a wire value and whether any parser must refuse it.
type text struct {
	value  string
	reject bool
}

const (
	formType    = "application/x-www-form-urlencoded"
	formCharset = formType + "; charset=utf-8"
	// durationSeconds is the integer member whose text the raw classes bend.
	durationSeconds = "DurationSeconds"
)

// The operation's action and API version, from the model.
var (
	action     = model.GetSessionToken().Name
	apiVersion = model.GetSessionToken().APIVersion
)

// minDuration is the shortest valid DurationSeconds.
func minDuration() int { lo, _ := durationBounds(); return lo }

// durationBounds are DurationSeconds' model bounds, the range of a valid
// duration.
func durationBounds() (lo, hi int) {
	m, ok := model.GetSessionToken().Member(durationSeconds)
	if !ok || m.Min == nil || m.Max == nil {
		panic("rawwire: the model has no bounded " + durationSeconds)
	}
	return int(*m.Min), int(*m.Max)
}

// durationTexts are DurationSeconds values no SDK sends. reject marks those
// that are not a valid duration under any integer parser (Java, Go, Python):
// the others (sign, padding, leading zeros, underscores, Unicode digits,
// empty) are accepted by some parsers, so success is acceptable there
// (sts-facts §4.4).
var durationTexts = []text{
	{"abc", true}, {"", false}, {"1.5", true}, {"+900", false}, {"0900", false},
	{" 900", false}, {"900 ", false}, {"\t900", false}, {"1e3", true}, {"-1", true},
	{"2147483648", true}, {"99999999999", true}, {"9_00", false}, {"٩٠٠", false},
	{"１２９６００", false}, {"900.0", true}, {"0x384", true}, {"-0", true}, {"2147483647", true},
}

// wrongActions: reject marks names no server can take for GetSessionToken.
var wrongActions = []text{
	{"GetCallerIdentityX", true}, {"GetSessionTokenX", true}, {"AssumeRoleX", true},
	{"getsessiontoken", false}, {"GETSESSIONTOKEN", false}, {"GetSessionToken ", false},
}

// versions are Version values other than 2011-06-15; "-" means absent.
var versions = []string{"-", "", "2010-05-08", "2011-06-16", "latest", "2011-06-15 "}

// unknownKeys are member names the model does not have.
var unknownKeys = []string{"Foo", "durationseconds", "DurationSeconds.1", "Duration Seconds",
	"X-Amz-Foo", "Action.member.1", "Version2", "SerialNumber.member.1"}

// badEncodings are broken percent-encodings, inserted into a value.
var badEncodings = []string{"%zz", "%", "%4", "%%", "%g0", "%2"}

// badUTF8 are invalid UTF-8 sequences, percent-encoded or raw.
var badUTF8 = []string{"%ff%fe", "%c0%80", "%ed%a0%80", "%80", "\xff\xfe", "\xc3"}

// contentTypes for the content-type class; "" means no header.
var contentTypes = []string{formType, formCharset, "application/json", "text/plain", "",
	formType + "; charset=iso-8859-1", "APPLICATION/X-WWW-FORM-URLENCODED", "application/x-amz-json-1.0"}

// padSizes of oversized bodies: just over 1 MiB, and 2 MiB.
var padSizes = []int{1<<20 + 1, 2 << 20}
