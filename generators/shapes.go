package generators

import (
	"pgregory.net/rapid"
)

// Examples of real MFA serial numbers: a virtual device ARN and a hardware
// token serial, as AWS documentation shows them.
const (
	ExampleVirtualSerial  = "arn:aws:iam::123456789012:mfa/user"
	ExampleHardwareSerial = "GAHT12345678"
)

const (
	digits  = "0123456789"
	upper   = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	iamName = upper + "abcdefghijklmnopqrstuvwxyz" + digits + "_+=,.@-"
)

// realistic holds, per member, realistic valid shapes. validStrings checks
// each against the model before using it.
var realistic = map[string]*rapid.Generator[string]{
	SerialNumberName: rapid.OneOf(
		rapid.SampledFrom([]string{ExampleVirtualSerial, ExampleHardwareSerial}),
		virtualSerial(),
		hardwareSerial(),
	),
}

// virtualSerial draws ARNs of virtual MFA devices:
// arn:aws:iam::<12 digits>:mfa/[<path>/]<name>.
func virtualSerial() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		account := rapid.StringOfN(rapid.RuneFrom([]rune(digits)), 12, 12, -1).Draw(t, "account")
		path := rapid.SampledFrom([]string{"", "division_abc/", "eng/ops/"}).Draw(t, "path")
		name := rapid.StringOfN(rapid.RuneFrom([]rune(iamName)), 1, 64, -1).Draw(t, "name")
		return "arn:aws:iam::" + account + ":mfa/" + path + name
	})
}

// hardwareSerial draws hardware token serials: four letters, eight digits.
func hardwareSerial() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		letters := rapid.StringOfN(rapid.RuneFrom([]rune(upper)), 4, 4, -1).Draw(t, "letters")
		number := rapid.StringOfN(rapid.RuneFrom([]rune(digits)), 8, 8, -1).Draw(t, "number")
		return letters + number
	})
}
